// A whole site built from fuzzed content: the input is split at lines
// "=====" into a news item, a day's activities, an achievements CSV and a
// page, written into a minimal site (fixed site.json, one photo) in a
// scratch folder, and built with build_site into a scratch output folder,
// the way `zhuanlan build` does. The content files are removed after each
// input; the folder goes when the process ends.
#include "fuzz_support.h"
#include "write/build_site.h"

#include <array>

using namespace zhuanlan;
namespace fs = std::filesystem;

namespace {

constexpr std::array<const char*, 4> kContentFiles = {
    "news/2025-05-12/fuzz.md", "activities/2025-05-12.json", "achievements/fuzz.csv", "pages/fuzz.md"};
constexpr std::array<const char*, 4> kContentFolders = {"news", "activities", "achievements", "pages"};

const fs::path& site_dir() {
  static const fs::path dir = [] {
    const fs::path site = fuzz::scratch_dir() / "site";
    fuzz::write_file(site / "content" / "site.json", R"({
  "school": "测试职业技术学院",
  "title": "2025年职业教育活动周",
  "theme": "一技在手，一生无忧",
  "week": { "start": "2025-05-11", "end": "2025-05-17" },
  "base_url": "https://www.example.edu.cn/zjz2025/",
  "departments": ["教务处", "信息工程学院"]
}
)");
    fuzz::write_photo(site / "content" / "images" / "a.jpg");
    return site;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fs::path& site = site_dir();
  const auto parts = fuzz::split_parts(fuzz::as_text(data, size), "\n=====\n", kContentFiles.size());
  for (std::size_t i = 0; i < parts.size(); ++i) fuzz::write_file(site / "content" / kContentFiles[i], parts[i]);

  BuildOptions options;
  options.site_dir = site;
  options.out_dir = fuzz::scratch_dir() / "out";
  options.full = true;
  (void)build_site(options);  // an exception escaping is a finding

  for (const char* folder : kContentFolders) fs::remove_all(site / "content" / folder);
  return 0;
}
