// The zhuanlan program as users run it: exit status and Chinese messages.
#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

using testing::CommandRun;

CommandRun run(const std::string& arguments) {
  return testing::run_command(std::string(ZHUANLAN_BINARY) + " " + arguments);
}

TEST(Cli, BrokenSiteExitsNonZeroListingEveryProblemInChinese) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site.path() / "content/news/a.md", "---\ntitle: 甲\ndate: 2025-13-01\ndepartment: 教务处\n---\n");
  testing::write_text(site.path() / "content/news/b.md", "---\ndate: 2025-05-13\ndepartment: 教务处\n---\n");
  const CommandRun result = run("build --site " + site.path().string());
  EXPECT_EQ(result.status, 1) << result.output;
  EXPECT_NE(result.output.find("content/news/a.md 第 3 行：错误："), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("content/news/b.md 第 1 行：错误：缺少必填字段 title"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("构建失败：共 2 个错误"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(site.path() / "public"));
}

TEST(Cli, GoodSiteBuildsAndSaysWhereItWent) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  const CommandRun result = run("build --site " + site.path().string() + " --base-url https://example.org/x/");
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("构建完成"), std::string::npos) << result.output;
  EXPECT_NE(testing::read_text(site.path() / "public/index.html").find("https://example.org/x/"), std::string::npos);
}

TEST(Cli, MissingSiteJsonIsExplained) {
  testing::TempDir site;
  const CommandRun result = run("build --site " + site.path().string());
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.output.find("content/site.json"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace zhuanlan
