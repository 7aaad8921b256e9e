#include "test_support.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>

#include <array>
#include <cstdlib>
#include <cstdio>
#include <vips/vips8>

#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <thread>
#include <random>
#include <sstream>
#include <stdexcept>

#include "util/vips_runtime.h"
#include "write/build_site.h"

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

TestLoad::TestLoad(fs::path site_dir, bool raw_html) : context{std::move(site_dir), site, headers} {
  site.raw_html = raw_html;
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

void write_photo(const fs::path& path, const PhotoOptions& options) {
  zhuanlan::start_vips();
  fs::create_directories(path.parent_path());
  const std::size_t seed = std::hash<std::string>{}(path.filename().string());
  const double red = static_cast<double>(seed % 200), blue = static_cast<double>((seed / 200) % 200);
  // A horizontal gradient with a bright block in the top-left corner, so
  // that a turned or mirrored copy can be told from the original.
  vips::VImage ramp = vips::VImage::xyz(options.width, options.height)[0] * (255.0 / options.width);
  vips::VImage corner = (vips::VImage::xyz(options.width, options.height)[0] < options.width / 4) &
                        (vips::VImage::xyz(options.width, options.height)[1] < options.height / 4);
  vips::VImage image = ramp.bandjoin_const({red, blue});
  image = corner.ifthenelse(std::vector<double>{255, 255, 255}, image)
              .cast(VIPS_FORMAT_UCHAR)
              .copy(vips::VImage::option()->set("interpretation", VIPS_INTERPRETATION_sRGB));
  if (options.orientation != 1) image.set(VIPS_META_ORIENTATION, options.orientation);
  if (options.private_metadata) {
    image.set("exif-ifd0-Make", "TestCam");
    image.set("exif-ifd0-Model", "TestCam 9");
    image.set("exif-ifd2-BodySerialNumber", "SN-0042-PRIVATE");
    image.set("exif-ifd3-GPSLatitudeRef", "N");
    image.set("exif-ifd3-GPSLatitude", "30/1 39/1 0/1");
    image.set("exif-ifd3-GPSLongitudeRef", "E");
    image.set("exif-ifd3-GPSLongitude", "104/1 4/1 0/1");
    static const char xmp[] =
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
        "<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/' dc:creator='Private Person'/></rdf:RDF>"
        "</x:xmpmeta>";
    vips_image_set_blob_copy(image.get_image(), VIPS_META_XMP_NAME, xmp, sizeof xmp - 1);
  }
  image.write_to_file(path.c_str());
}

void write_image(const fs::path& path) { write_photo(path, {}); }

std::vector<std::string> image_fields(const fs::path& path) {
  zhuanlan::start_vips();
  const vips::VImage image = vips::VImage::new_from_file(path.c_str());
  std::vector<std::string> fields;
  gchar** names = vips_image_get_fields(image.get_image());
  for (gchar** name = names; *name != nullptr; ++name) fields.emplace_back(*name);
  g_strfreev(names);
  return fields;
}

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) out[entry.path().lexically_relative(dir).generic_string()] = read_text(entry.path());
  }
  return out;
}

fs::path source_dir() { return ZHUANLAN_SOURCE_DIR; }

const fs::path& demo_site_output() {
  static TempDir own;  // used only without the fixture
  static const fs::path out = [] {
    if (const char* built = std::getenv("ZHUANLAN_DEMO_SITE"); built && *built) {
      if (!fs::exists(fs::path(built) / "index.html")) {
        throw std::runtime_error(std::string("ZHUANLAN_DEMO_SITE names no built site (the fixture demo_site_build failed?): ") +
                                 built);
      }
      return fs::path(built);
    }
    BuildOptions options;
    options.site_dir = source_dir();
    options.out_dir = own.path() / "public";
    const BuildResult result = build_site(options);
    for (const auto& d : result.diagnostics.items) {
      if (d.severity == Severity::error) ADD_FAILURE() << format_diagnostic(d);
    }
    if (!result.ok) throw std::runtime_error("the demo site does not build");
    return options.out_dir;
  }();
  return out;
}

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

std::string decode_qr_svg(const fs::path& svg) {
  const fs::path png = fs::path(svg).replace_extension(".decode.png");
  const CommandRun raster =
      run_command("rsvg-convert --width 400 --background-color white -o '" + png.string() + "' '" + svg.string() + "'");
  EXPECT_EQ(raster.status, 0) << "rsvg-convert failed (scripts/install-deps test installs librsvg2-bin): " << raster.output;
  // zbarimg may print D-Bus notices on standard error; only the code is wanted.
  const CommandRun decoded = run_command("{ zbarimg --quiet --raw '" + png.string() + "' 2>/dev/null; }");
  EXPECT_EQ(decoded.status, 0) << "zbarimg found no code (scripts/install-deps test installs zbar-tools): " << decoded.output;
  fs::remove(png);
  std::string text = decoded.output;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

struct EventStream::State {
  httplib::Client client;
  std::thread reader;
  std::mutex mutex;
  std::condition_variable arrived;
  std::string buffer;
  std::deque<std::pair<std::string, std::string>> events;  // name, data
  explicit State(int port) : client("127.0.0.1", port) {}
};

EventStream::EventStream(int port, const std::string& path_and_query) : state_(std::make_shared<State>(port)) {
  state_->client.set_read_timeout(std::chrono::seconds(60));
  state_->reader = std::thread([state = state_, path_and_query] {
    state->client.Get(path_and_query, [&](const char* data, std::size_t length) {
      std::lock_guard<std::mutex> lock(state->mutex);
      state->buffer.append(data, length);
      std::size_t end;
      while ((end = state->buffer.find("\n\n")) != std::string::npos) {
        std::string name = "message", payload;
        std::istringstream lines(state->buffer.substr(0, end));
        for (std::string line; std::getline(lines, line);) {
          if (line.rfind("event: ", 0) == 0) name = line.substr(7);
          if (line.rfind("data: ", 0) == 0) payload = line.substr(6);
        }
        if (!payload.empty()) state->events.emplace_back(name, payload);
        state->buffer.erase(0, end + 2);
      }
      state->arrived.notify_all();
      return true;
    });
  });
}

EventStream::~EventStream() {
  state_->client.stop();
  state_->reader.join();
}

std::optional<std::string> EventStream::next(std::string_view name, std::chrono::seconds timeout) {
  std::unique_lock<std::mutex> lock(state_->mutex);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    while (!state_->events.empty()) {
      auto [event, data] = state_->events.front();
      state_->events.pop_front();
      if (event == name) return data;
    }
    if (state_->arrived.wait_until(lock, deadline) == std::cv_status::timeout && state_->events.empty()) {
      return std::nullopt;
    }
  }
}

}  // namespace zhuanlan::testing
