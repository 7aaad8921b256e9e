#pragma once
// Helpers for tests that build small sites in temporary folders.
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/image_refs.h"
#include "load/load_context.h"
#include "model/content.h"

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

// What load_content hands the loaders, for a test that calls one loader or
// the Markdown parser by itself: a site folder (content/ inside it), default
// settings and an image-header cache of its own.
struct TestLoad {
  explicit TestLoad(std::filesystem::path site_dir, bool raw_html = false);
  TestLoad(const TestLoad&) = delete;
  TestLoad& operator=(const TestLoad&) = delete;
  SiteConfig site;
  ImageHeaders headers;
  LoadContext context;
};

void write_text(const std::filesystem::path& path, const std::string& text);
std::string read_text(const std::filesystem::path& path);

// A minimal valid site.json; extra is spliced in before the closing brace.
std::string minimal_site_json(const std::string& extra = "");

// A photo made with libvips: a gradient whose colours depend on the file
// name (so different files differ), saved as JPEG or PNG by the extension.
struct PhotoOptions {
  int width = 64, height = 48;  // as stored; orientation 5-8 shows it turned
  int orientation = 1;          // EXIF orientation
  bool private_metadata = false;  // camera make and serial, GPS position, XMP
};
void write_photo(const std::filesystem::path& path, const PhotoOptions& options);

// A small valid JPEG (64x48).
void write_image(const std::filesystem::path& path);

// The metadata field names libvips reads from an image file.
std::vector<std::string> image_fields(const std::filesystem::path& path);

// Every file under dir, relative path -> bytes.
std::map<std::string, std::string> read_tree(const std::filesystem::path& dir);

std::filesystem::path source_dir();

// The output folder of the demo site (content/ of the source tree) built
// once per test run. Under ctest the fixture test demo_site_build builds it
// (`zhuanlan build`) and names the folder in ZHUANLAN_DEMO_SITE; when the
// test program runs by itself, the first test that asks builds it into a
// temporary folder. Tests must not write into it; a test that needs a
// variant of the demo builds its own.
const std::filesystem::path& demo_site_output();

struct CommandRun {
  int status = -1;     // the exit status, or -1 when the command did not exit normally
  std::string output;  // standard output and standard error
};
// Runs a shell command and collects what it prints.
CommandRun run_command(const std::string& command);

// Rasterises an SVG QR code (rsvg-convert) and decodes it (zbarimg), as a
// phone would read it from a printed board: the decoded text, or "" with a
// test failure when the tools fail.
std::string decode_qr_svg(const std::filesystem::path& svg);

// A Server-Sent Events connection to 127.0.0.1:port (zhuanlan serve's
// /__zhuanlan/events), read in a thread of its own.
class EventStream {
 public:
  EventStream(int port, const std::string& path_and_query);
  ~EventStream();
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  // The data of the next event called name; events of other names before
  // it are dropped. nullopt when none came within timeout (generous: this
  // waits, it does not time anything).
  std::optional<std::string> next(std::string_view name, std::chrono::seconds timeout = std::chrono::seconds(60));

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace zhuanlan::testing
