#pragma once
// Helpers for tests that build small sites in temporary folders.
#include <filesystem>
#include <map>
#include <string>

namespace zhuanlan::testing {

// A fresh folder under the system's temp dir, removed when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_text(const std::filesystem::path& path);

// A minimal valid site.json; extra is spliced in before the closing brace.
std::string minimal_site_json(const std::string& extra = "");

// Writes a tiny valid JPEG-named file (the generator copies images as bytes).
void write_image(const std::filesystem::path& path);

// Every file under dir, relative path -> bytes.
std::map<std::string, std::string> read_tree(const std::filesystem::path& dir);

std::filesystem::path source_dir();

// Runs a shell command; its exit status and everything it printed
// (standard output and standard error).
struct CommandRun {
  int status = -1;
  std::string output;
};
CommandRun run_command(const std::string& command);

}  // namespace zhuanlan::testing
