// The no-change shortcut: a rebuild stops early only when inputs, program,
// options and output are all exactly as the last build left them.
#include "write/build_manifest.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include <chrono>

#include "test_support.h"
#include "write/build_site.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Input files written a moment ago are not trusted (a further change might
// keep the same time stamp); tests date them back as files usually are.
void date_back(const fs::path& dir) {
  const auto past = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) fs::last_write_time(entry.path(), past);
  }
}

struct Stamp {
  ino_t inode;
  long long mtime_ns;
  bool operator==(const Stamp&) const = default;
};

std::map<std::string, Stamp> stamps(const fs::path& dir) {
  std::map<std::string, Stamp> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    struct stat info {};
    if (entry.is_regular_file() && stat(entry.path().c_str(), &info) == 0) {
      out[entry.path().lexically_relative(dir).generic_string()] = {
          info.st_ino, info.st_mtim.tv_sec * 1'000'000'000LL + info.st_mtim.tv_nsec};
    }
  }
  return out;
}

class BuildManifestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    testing::write_image(site_.path() / "content/images/a.jpg");
    testing::write_text(site_.path() / "content/news/one.md",
                        "---\ntitle: 第一条\ndate: 2025-05-12 09:00\ndepartment: 教务处\ncover: images/a.jpg\n"
                        "colour: 红\n---\n正文。\n");
    testing::write_text(site_.path() / "content/news/two.md",
                        "---\ntitle: 第二条\ndate: 2025-05-13 10:00\ndepartment: 教务处\n---\n正文。\n");
    date_back(site_.path());
  }

  BuildResult build(bool full = false, const std::string& base_url = "") {
    BuildOptions options;
    options.site_dir = site_.path();
    options.out_dir = out_;
    options.full = full;
    options.base_url = base_url;
    return build_site(options);
  }

  TempDir site_;
  TempDir outputs_;
  fs::path out_ = outputs_.path() / "public";
};

TEST_F(BuildManifestTest, RebuildWithNothingChangedStopsEarlyAndTouchesNothing) {
  const BuildResult first = build();
  ASSERT_TRUE(first.ok);
  EXPECT_FALSE(first.up_to_date);
  ASSERT_EQ(first.diagnostics.warning_count(), 1);  // the unknown key colour
  // The record lies beside the output, never inside it (it is not published).
  EXPECT_TRUE(fs::exists(outputs_.path() / "public.zhuanlan-manifest.json"));
  EXPECT_EQ(build_manifest_path(out_), outputs_.path() / "public.zhuanlan-manifest.json");
  const auto manifest = nlohmann::json::parse(testing::read_text(build_manifest_path(out_)));
  EXPECT_EQ(manifest.at("format"), 2);
  EXPECT_EQ(manifest.at("pages"), first.pages);
  EXPECT_EQ(manifest.at("warnings").at(0).at("file"), first.diagnostics.items[0].file);
  for (const auto& entry : fs::recursive_directory_iterator(out_)) {
    EXPECT_EQ(entry.path().string().find("manifest"), std::string::npos) << entry.path();
  }
  const auto before = stamps(out_);

  const BuildResult again = build();
  ASSERT_TRUE(again.ok);
  EXPECT_TRUE(again.up_to_date);
  EXPECT_EQ(again.files_written, 0u);
  EXPECT_EQ(again.pages, first.pages);
  // The last build's warnings are reported again.
  ASSERT_EQ(again.diagnostics.items.size(), 1u);
  EXPECT_EQ(format_diagnostic(again.diagnostics.items[0]), format_diagnostic(first.diagnostics.items[0]));
  EXPECT_EQ(stamps(out_), before);
}

TEST_F(BuildManifestTest, AnyChangedInputMeansAFullBuild) {
  ASSERT_TRUE(build().ok);
  ASSERT_TRUE(build().up_to_date);
  testing::write_text(site_.path() / "content/news/two.md",
                      "---\ntitle: 第二条（更新）\ndate: 2025-05-13 10:00\ndepartment: 教务处\n---\n正文。\n");
  date_back(site_.path());
  const BuildResult changed = build();
  ASSERT_TRUE(changed.ok);
  EXPECT_FALSE(changed.up_to_date);
  EXPECT_NE(testing::read_text(out_ / "news/two.html").find("第二条（更新）"), std::string::npos);
  EXPECT_TRUE(build().up_to_date);

  // Every file under content/ counts, also files no loader reads.
  testing::write_text(site_.path() / "content/notes.txt", "待补充的稿件\n");
  date_back(site_.path());
  EXPECT_FALSE(build().up_to_date);
  EXPECT_TRUE(build().up_to_date);

  // So do the site's own layouts, and the options.
  testing::write_text(site_.path() / "layouts/404.mustache", "<p>没有这个页面</p>\n");
  date_back(site_.path());
  EXPECT_FALSE(build().up_to_date);
  EXPECT_FALSE(build(false, "https://example.org/other/").up_to_date);
  EXPECT_FALSE(build().up_to_date);
  EXPECT_TRUE(build().up_to_date);
  EXPECT_FALSE(build(true).up_to_date);  // --full
}

TEST_F(BuildManifestTest, OutputThatIsNoLongerIntactIsRebuilt) {
  ASSERT_TRUE(build().ok);
  const std::string page = testing::read_text(out_ / "news/one.html");
  fs::remove(out_ / "news/one.html");
  EXPECT_FALSE(build().up_to_date);
  EXPECT_EQ(testing::read_text(out_ / "news/one.html"), page);

  testing::write_text(out_ / "news/one.html", "edited by hand");
  EXPECT_FALSE(build().up_to_date);
  EXPECT_EQ(testing::read_text(out_ / "news/one.html"), page);

  testing::write_text(out_ / "extra.html", "not written by zhuanlan");
  EXPECT_FALSE(build().up_to_date);
  EXPECT_FALSE(fs::exists(out_ / "extra.html"));
  EXPECT_TRUE(build().up_to_date);

  fs::remove_all(out_);
  EXPECT_FALSE(build().up_to_date);
  EXPECT_TRUE(fs::exists(out_ / "index.html"));
}

TEST_F(BuildManifestTest, InputsChangedAMomentAgoAreNotTrusted) {
  // Just written: a further change within the file system's time stamp
  // granularity could look the same, so no shortcut is recorded.
  testing::write_text(site_.path() / "content/news/two.md",
                      "---\ntitle: 第二条\ndate: 2025-05-13 10:00\ndepartment: 教务处\n---\n刚改过。\n");
  EXPECT_FALSE(record_inputs(BuildOptions{}, site_.path(), out_).usable);
  ASSERT_TRUE(build().ok);
  EXPECT_FALSE(build().up_to_date);
  date_back(site_.path());
  EXPECT_TRUE(record_inputs(BuildOptions{}, site_.path(), out_).usable);
  EXPECT_FALSE(build().up_to_date);
  EXPECT_TRUE(build().up_to_date);
}

TEST_F(BuildManifestTest, FailedBuildKeepsNoShortcutToTheBrokenInput) {
  ASSERT_TRUE(build().ok);
  testing::write_text(site_.path() / "content/news/two.md", "---\ntitle: [未闭合\n---\n");
  date_back(site_.path());
  EXPECT_FALSE(build().ok);
  const BuildResult still_broken = build();
  EXPECT_FALSE(still_broken.ok);
  EXPECT_FALSE(still_broken.up_to_date);
  EXPECT_TRUE(still_broken.diagnostics.has_errors());
}

// A damaged record only costs the shortcut: a full build, never a crash or
// an error, and the next build records afresh.
TEST_F(BuildManifestTest, CorruptManifestMeansAFullBuild) {
  ASSERT_TRUE(build().ok);
  const std::string good = testing::read_text(build_manifest_path(out_));
  for (const std::string& bad :
       {good.substr(0, good.size() / 2), std::string("\0\xff{[", 4), std::string("[]"), std::string("{\"format\": 2}"),
        std::string(good).replace(good.find("\"pages\":") + 8, 1, "\"x\","), std::string()}) {
    testing::write_text(build_manifest_path(out_), bad);
    const BuildResult result = build();
    EXPECT_TRUE(result.ok) << bad;
    EXPECT_FALSE(result.up_to_date) << bad;
    EXPECT_FALSE(result.diagnostics.has_errors()) << bad;
    EXPECT_TRUE(build().up_to_date) << bad;
  }
}

// The line-based record of earlier versions is not read, and is removed
// when the new one is written.
TEST_F(BuildManifestTest, OldFormatRecordIsIgnoredAndReplaced) {
  const fs::path old_record = outputs_.path() / "public.zhuanlan-manifest";
  testing::write_text(old_record, "zhuanlan-manifest 1\nprogram 1:2 3 4\n[inputs]\n[outputs]\n[warnings]\n");
  const BuildResult first = build();
  ASSERT_TRUE(first.ok);
  EXPECT_FALSE(first.up_to_date);
  EXPECT_FALSE(fs::exists(old_record));
  EXPECT_TRUE(build().up_to_date);
}

}  // namespace
}  // namespace zhuanlan
