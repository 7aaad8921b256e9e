// End-to-end: the featured photos `zhuanlan report` bundles for submission.
#include <gtest/gtest.h>

#include <vips/vips8>

#include "test_support.h"
#include "util/files.h"
#include "validate/image_checks.h"
#include "write/report.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

std::string news(const std::string& title, const std::string& date, const std::string& extra, const std::string& body) {
  return "---\ntitle: " + title + "\ndate: " + date + "\ndepartment: 教务处\n" + extra + "---\n" + body + "\n";
}

class SubmissionBundleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    testing::write_photo(site_.path() / "content/images/contest.jpg", {3000, 2000, 1, true});
    testing::write_photo(site_.path() / "content/images/visit.jpg", {2400, 1800, 6, true});
    testing::write_photo(site_.path() / "content/images/other.jpg", {2400, 1600, 1, false});
    // The later item, with a cover captioned in its text.
    testing::write_text(site_.path() / "content/news/contest.md",
                        news("技能竞赛举行", "2025-05-14 16:00",
                             "photographer: 摄影甲\nfeatured: true\ncover: images/contest.jpg\n",
                             "正文。\n\n![选手检测电池](images/contest.jpg \"比赛现场\")"));
    // The earlier item, without a cover: its first picture is the one.
    testing::write_text(site_.path() / "content/news/visit.md",
                        news("企业参观", "2025-05-12 10:00", "featured: true\n", "正文。\n\n![学生在车间参观](images/visit.jpg)"));
    testing::write_text(site_.path() / "content/news/other.md",
                        news("其他新闻", "2025-05-13 10:00", "cover: images/other.jpg\n", "正文。"));
  }

  ReportResult report() {
    BuildOptions options;
    options.site_dir = site_.path();
    return write_report(options, outputs_.path() / "report");
  }

  testing::TempDir site_;
  testing::TempDir outputs_;
};

TEST_F(SubmissionBundleTest, FeaturedPhotosAtFullSizeWithoutMetadataNumberedInDateOrder) {
  const ReportResult result = report();
  for (const auto& d : result.diagnostics.items) {
    EXPECT_NE(d.severity, Severity::error) << format_diagnostic(d);
  }
  ASSERT_TRUE(result.ok);
  const fs::path bundle = outputs_.path() / "report/精选图片";
  EXPECT_EQ(std::count(result.files.begin(), result.files.end(), "精选图片/01.jpg"), 1);
  EXPECT_EQ(std::count(result.files.begin(), result.files.end(), "精选图片/图片说明.txt"), 1);
  EXPECT_FALSE(fs::exists(bundle / "03.jpg"));  // other.jpg is not featured
  // 01 is the earlier item's photo, upright at full size; 02 the contest's.
  const vips::VImage first = vips::VImage::new_from_file((bundle / "01.jpg").c_str());
  EXPECT_EQ(first.width(), 1792);  // turned losslessly: a partial block column dropped
  EXPECT_EQ(first.height(), 2400);
  const vips::VImage second = vips::VImage::new_from_file((bundle / "02.jpg").c_str());
  EXPECT_EQ(second.width(), 3000);
  EXPECT_EQ(second.height(), 2000);
  for (const char* name : {"01.jpg", "02.jpg"}) {
    EXPECT_EQ(read_file(bundle / name)->find("SN-0042-PRIVATE"), std::string::npos) << name;
    for (const auto& field : testing::image_fields(bundle / name)) {
      EXPECT_EQ(field.rfind("exif", 0), std::string::npos) << name << " keeps " << field;
      EXPECT_NE(field, "xmp-data") << name;
    }
  }
  // The original JPEG data, not a new encoding: the same pixels as the
  // original shown upright, and about the original's size less its metadata.
  const std::pair<const char*, const char*> copies[] = {{"01.jpg", "visit.jpg"}, {"02.jpg", "contest.jpg"}};
  for (const auto& [copy, original] : copies) {
    const fs::path source = site_.path() / "content/images" / original;
    vips::VImage upright = vips::VImage::new_from_file(source.c_str()).autorot();
    const vips::VImage bundled = vips::VImage::new_from_file((bundle / copy).c_str());
    // visit.jpg's 1800 rows are not a whole number of 16-row blocks: the
    // turn drops the last 8 (its left columns, shown upright).
    if (bundled.width() < upright.width()) upright = upright.crop(upright.width() - bundled.width(), 0, bundled.width(), upright.height());
    EXPECT_LE((upright.cast(VIPS_FORMAT_INT) - bundled.cast(VIPS_FORMAT_INT)).abs().max(), 3.0) << copy;
    EXPECT_EQ(bundled.get_typeof(VIPS_META_ORIENTATION), 0) << copy;
    const auto original_size = static_cast<double>(fs::file_size(source));
    const auto copy_size = static_cast<double>(fs::file_size(bundle / copy));
    EXPECT_LE(copy_size, original_size) << copy;
    EXPECT_GT(copy_size, original_size * 0.92) << copy;  // a new encoding at quality 92 was 25 % smaller
  }
  const std::string captions = testing::read_text(bundle / "图片说明.txt");
  EXPECT_EQ(captions.rfind("\xEF\xBB\xBF精选图片说明（共 2 张）", 0), 0u);
  const std::size_t one = captions.find("01.jpg\r\n图片说明：学生在车间参观\r\n新闻标题：企业参观\r\n日期：2025年5月12日\r\n摄影：（未填写）");
  const std::size_t two = captions.find("02.jpg\r\n图片说明：比赛现场\r\n新闻标题：技能竞赛举行\r\n日期：2025年5月14日\r\n摄影：摄影甲");
  EXPECT_NE(one, std::string::npos) << captions;
  EXPECT_NE(two, std::string::npos) << captions;
  // The notices ask for ten.
  bool told = false;
  for (const auto& d : result.diagnostics.items) {
    told = told || d.message.find("精选图片有 2 张，报送要求精选 10 张。请再给 8 条有图片的新闻加上 featured: true") !=
                       std::string::npos;
  }
  EXPECT_TRUE(told);
}

TEST_F(SubmissionBundleTest, ABrokenFeaturedPhotoStopsTheReport) {
  const std::string whole = *read_file(site_.path() / "content/images/contest.jpg");
  testing::write_text(site_.path() / "content/images/contest.jpg", whole.substr(0, whole.size() / 2));
  const ReportResult result = report();
  EXPECT_FALSE(result.ok);
  ASSERT_EQ(result.diagnostics.error_count(), 1);
  bool named = false;
  for (const auto& d : result.diagnostics.items) {
    named = named || (d.file == "content/news/contest.md" && d.message.find("content/images/contest.jpg 不完整") != std::string::npos);
  }
  EXPECT_TRUE(named);
  EXPECT_FALSE(fs::exists(outputs_.path() / "report"));
}

}  // namespace
}  // namespace zhuanlan

namespace zhuanlan {
namespace {

TEST_F(SubmissionBundleTest, AFeaturedItemWithoutAPictureIsWarnedAboutAtItsFeaturedLine) {
  testing::write_text(site_.path() / "content/news/bare.md",
                      news("无图新闻", "2025-05-15 10:00", "author: 某\nfeatured: true\n", "正文。"));
  BuildOptions options;
  options.site_dir = site_.path();
  Diagnostics diagnostics;
  const auto prepared = prepare_site(options, diagnostics);
  ASSERT_TRUE(prepared);
  Diagnostics found;
  check_featured_photos(prepared->model, site_.path() / "content", found);
  int warned = 0;
  for (const auto& d : found.items) {
    if (d.file != "content/news/bare.md") continue;
    ++warned;
    EXPECT_NE(d.message.find("没有封面和图片"), std::string::npos) << d.message;
    EXPECT_EQ(d.line, 6) << d.message;
  }
  EXPECT_EQ(warned, 1);
}

TEST_F(SubmissionBundleTest, CheckWarnsAboutFeaturedPhotosBelowTheRulesAndUsesTheCoverCaption) {
  testing::write_photo(site_.path() / "content/images/small.jpg", {800, 600, 1, false});
  testing::write_text(site_.path() / "content/news/small.md",
                      news("小图新闻", "2025-05-15 10:00",
                           "featured: true\ncover: images/small.jpg\ncover_caption: 志愿者在社区服务\n", "正文。"));
  BuildOptions options;
  options.site_dir = site_.path();
  Diagnostics diagnostics;
  const auto prepared = prepare_site(options, diagnostics);
  ASSERT_TRUE(prepared);
  Diagnostics found;
  check_featured_photos(prepared->model, site_.path() / "content", found);
  const auto message_for = [&](const std::string& file) {
    std::string text;
    for (const auto& d : found.items) {
      if (d.file == file && d.message.find("报送要求图片为 JPG 格式") != std::string::npos) text += d.message;
    }
    return text;
  };
  // Test photos are far below 2 MB; the small one is also under 2000 px.
  EXPECT_NE(message_for("content/news/small.md").find("800×600 像素（不足 2000 像素）"), std::string::npos);
  EXPECT_NE(message_for("content/news/small.md").find("不足 2 MB"), std::string::npos);
  EXPECT_EQ(message_for("content/news/contest.md").find("像素（不足"), std::string::npos);
  EXPECT_NE(message_for("content/news/contest.md").find("不足 2 MB"), std::string::npos);
  // Each at the line that names the photo: the cover, else featured: true.
  const auto line_for = [&](const std::string& file) {
    for (const auto& d : found.items) {
      if (d.file == file && d.message.find("报送要求图片为 JPG 格式") != std::string::npos) return d.line;
    }
    return -1;
  };
  EXPECT_EQ(line_for("content/news/small.md"), 6);
  EXPECT_EQ(line_for("content/news/contest.md"), 7);
  EXPECT_EQ(line_for("content/news/visit.md"), 5);
  // The cover's caption is the photo's caption: no warning, and in the captions file.
  for (const auto& d : found.items) EXPECT_EQ(d.message.find("small.jpg 没有图片说明"), std::string::npos);
  const ReportResult result = report();
  ASSERT_TRUE(result.ok);
  EXPECT_NE(testing::read_text(outputs_.path() / "report/精选图片/图片说明.txt").find("03.jpg\r\n图片说明：志愿者在社区服务"),
            std::string::npos);
}

}  // namespace
}  // namespace zhuanlan
