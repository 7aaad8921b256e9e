#include "render/output_plan.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const OutputOrigin kNewsList{"", 0, "每日动态列表", ""};

TEST(OutputPlan, ANewsFileNamedIndexIsReportedAtTheFileWithWhatToChange) {
  Diagnostics d;
  check_output_paths({{"news/index.html", kNewsList},
                      {"news/index.html", {"content/news/2025-05-13/index.md", 0, "新闻“开幕”", "请给文件改名"}}},
                     d);
  ASSERT_EQ(d.error_count(), 1);
  const Diagnostic& e = d.items[0];
  EXPECT_EQ(e.file, "content/news/2025-05-13/index.md");
  EXPECT_TRUE(has(e.message, "每日动态列表")) << e.message;
  EXPECT_TRUE(has(e.message, "news/index.html")) << e.message;
  EXPECT_TRUE(has(e.message, "请给文件改名")) << e.message;
}

TEST(OutputPlan, TheGeneratedPageIsNotBlamedWhenItComesSecond) {
  Diagnostics d;
  check_output_paths({{"pages/index.html", {"content/pages/index.md", 0, "页面“索引”", "请给文件改名"}},
                      {"pages/index.html", {"", 0, "页面一览", ""}}},
                     d);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_EQ(d.items[0].file, "content/pages/index.md");
  EXPECT_TRUE(has(d.items[0].message, "自动生成的页面一览")) << d.items[0].message;
}

TEST(OutputPlan, TwoSourcesAreBothNamedWithTheirLines) {
  Diagnostics d;
  check_output_paths({{"departments/it-center.html", {"content/news/a.md", 0, "供稿单位“IT Center”的列表", "请统一名称"}},
                      {"departments/it-center.html", {"content/activities/b.json", 7, "供稿单位“IT center”的列表", "请统一名称"}}},
                     d);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_EQ(d.items[0].file, "content/activities/b.json");
  EXPECT_EQ(d.items[0].line, 7);
  EXPECT_TRUE(has(d.items[0].message, "content/news/a.md 的供稿单位“IT Center”")) << d.items[0].message;
  EXPECT_TRUE(has(d.items[0].message, "IT center")) << d.items[0].message;
}

TEST(OutputPlan, PathsThatDifferOnlyInCaseAreOneFile) {
  Diagnostics d;
  check_output_paths({{"images/A.jpg", {"content/news/a.md", 0, "图片 content/images/A.jpg", "请改名"}},
                      {"images/a.jpg", {"content/news/b.md", 0, "图片 content/images/a.jpg", "请改名"}}},
                     d);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_TRUE(has(d.items[0].message, "只有大小写不同")) << d.items[0].message;
  EXPECT_TRUE(has(d.items[0].message, "content/images/A.jpg")) << d.items[0].message;
  EXPECT_EQ(output_path_key("Images/A-b.JPG"), "images/a-b.jpg");
}

TEST(OutputPlan, OnePairOfSourcesIsReportedOnceForAllTheirPaths) {
  const OutputOrigin a{"content/people/a.md", 0, "典型人物“甲”", "请改名"};
  const OutputOrigin b{"content/people/b.md", 0, "典型人物“乙”", "请改名"};
  Diagnostics d;
  check_output_paths({{"people/x.html", a}, {"qr/people/x.svg", a}, {"people/x.html", b}, {"qr/people/x.svg", b}}, d);
  EXPECT_EQ(d.error_count(), 1);
}

TEST(OutputPlan, AFileWhereAFolderIsNeededIsAnError) {
  Diagnostics d;
  check_output_paths({{"news/index.html", kNewsList},
                      {"news/index.html/a.jpg", {"content/news/a.md", 0, "图片 content/news/index.html/a.jpg", "请改名"}}},
                     d);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_TRUE(has(d.items[0].message, "文件夹")) << d.items[0].message;
}

TEST(OutputPlan, DistinctPathsPass) {
  Diagnostics d;
  check_output_paths({{"index.html", {"", 0, "首页", ""}}, {"news/index.html", kNewsList},
                      {"news/a.html", {"content/news/a.md", 0, "新闻", ""}}, {"news/a-2.html", {"content/news/b.md", 0, "新闻", ""}}},
                     d);
  EXPECT_TRUE(d.items.empty());
}

}  // namespace
}  // namespace zhuanlan
