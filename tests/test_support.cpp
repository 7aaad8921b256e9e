#include "test_support.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace zhuanlan::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device device;
  for (int attempt = 0; attempt < 100; ++attempt) {
    path_ = fs::temp_directory_path() / ("zhuanlan-test-" + std::to_string(device()));
    if (fs::create_directory(path_)) return;
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string minimal_site_json(const std::string& extra) {
  return R"({
  "school": "测试职业技术学院",
  "title": "2025年职业教育活动周",
  "theme": "一技在手，一生无忧",
  "week": { "start": "2025-05-11", "end": "2025-05-17" },
  "base_url": "https://www.example.edu.cn/zjz2025/")" +
         (extra.empty() ? std::string() : ",\n  " + extra) + "\n}\n";
}

void write_image(const fs::path& path) {
  // Bytes of a JPEG header: enough for a file that is copied, not decoded.
  write_text(path, std::string("\xFF\xD8\xFF\xE0", 4) + "test image " + path.filename().string());
}

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out[entry.path().lexically_relative(dir).generic_string()] = read_text(entry.path());
  }
  return out;
}

fs::path source_dir() { return ZHUANLAN_SOURCE_DIR; }

CommandRun run_command(const std::string& command) {
  CommandRun result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe)) result.output += buffer.data();
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace zhuanlan::testing
