// `zhuanlan init` and `zhuanlan new` as users run them.
#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

using testing::CommandRun;

CommandRun run(const std::string& arguments) {
  return testing::run_command(std::string(ZHUANLAN_BINARY) + " " + arguments);
}

TEST(Init, GivesASiteThatPassesCheckAndBuildsWithoutPublishingTheExampleNews) {
  testing::TempDir dir;
  const std::string site = (dir.path() / "school").string();
  const CommandRun init = run("init " + site + " --school 测试职业学院 --year 2025");
  ASSERT_EQ(init.status, 0) << init.output;
  EXPECT_NE(init.output.find("content/site.json"), std::string::npos) << init.output;
  const CommandRun check = run("check --site " + site + " --today 2025-05-01");
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_EQ(check.output.find("：错误："), std::string::npos) << check.output;
  const CommandRun build = run("build --site " + site);
  ASSERT_EQ(build.status, 0) << build.output;
  const std::string home = testing::read_text(dir.path() / "school/public/index.html");
  EXPECT_NE(home.find("测试职业学院"), std::string::npos);
  EXPECT_NE(home.find("启动仪式"), std::string::npos) << "the example activity is on the programme";
  EXPECT_EQ(home.find("示例新闻"), std::string::npos) << "the example news item is a draft";
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "school/content/people"));
}

TEST(Init, RefusesAFolderThatAlreadyHoldsContent) {
  testing::TempDir dir;
  testing::write_text(dir.path() / "content/site.json", "{\"mine\": true}");
  const CommandRun init = run("init " + dir.path().string());
  EXPECT_EQ(init.status, 1) << init.output;
  EXPECT_NE(init.output.find("已经存在，没有做任何改动"), std::string::npos) << init.output;
  EXPECT_EQ(testing::read_text(dir.path() / "content/site.json"), "{\"mine\": true}");
}

TEST(New, WritesEachKindWhereTheSiteReadsItAndNeverOverwrites) {
  testing::TempDir dir;
  const std::string site = (dir.path() / "s").string();
  ASSERT_EQ(run("init " + site + " --year 2025").status, 0);
  const struct {
    const char* kind;
    const char* path;
  } cases[] = {{"news", "content/news/2025-05-12/20250512-1030.md"},
               {"activity", "content/activities/activity-20250512-1030.json"},
               {"person", "content/people/person-20250512-1030.md"},
               {"page", "content/pages/page-20250512-1030.md"}};
  for (const auto& c : cases) {
    const CommandRun made = run(std::string("new ") + c.kind + " 技能展示 --site " + site + " --date \"2025-05-12 10:30\"");
    EXPECT_EQ(made.status, 0) << made.output;
    EXPECT_NE(made.output.find(c.path), std::string::npos) << made.output;
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "s" / c.path)) << c.path;
  }
  // Each new file is read by check: its empty required fields are named,
  // with their files (the news item is a draft: warnings only).
  const CommandRun check = run("check --site " + site + " --today 2025-05-01");
  EXPECT_NE(check.output.find("content/activities/activity-20250512-1030.json"), std::string::npos) << check.output;
  EXPECT_NE(check.output.find("content/people/person-20250512-1030.md"), std::string::npos) << check.output;
  EXPECT_NE(check.output.find("20250512-1030.md 第 4 行：警告：（草稿，不发布）缺少必填字段 department"),
            std::string::npos)
      << check.output;

  const auto news = dir.path() / "s/content/news/2025-05-12/20250512-1030.md";
  testing::write_text(news, "mine");
  const CommandRun again = run("new news 另一条 --site " + site + " --date \"2025-05-12 10:30\"");
  EXPECT_EQ(again.status, 1) << again.output;
  EXPECT_NE(again.output.find("已经存在，没有改动它"), std::string::npos) << again.output;
  EXPECT_EQ(testing::read_text(news), "mine");
  const CommandRun bad = run("new post 甲 --site " + site);
  EXPECT_EQ(bad.status, 2) << bad.output;
  EXPECT_NE(bad.output.find("不认识的类型"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace zhuanlan
