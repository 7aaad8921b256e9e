// Scheduled publishing (publish_at with build --now) and the review chain
// (review.stages) as users meet them on the command line.
#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

using testing::CommandRun;

CommandRun run(const std::string& arguments) {
  return testing::run_command(std::string(ZHUANLAN_BINARY) + " " + arguments);
}

void write_scheduled_site(const std::filesystem::path& site) {
  testing::write_text(site / "content/site.json", testing::minimal_site_json());
  testing::write_text(site / "content/news/now.md",
                      "---\ntitle: 已经发布的新闻\ndate: 2025-05-13 09:00\ndepartment: 教务处\n---\n正文。\n");
  testing::write_text(site / "content/news/later.md",
                      "---\ntitle: 定时发布的新闻\ndate: 2025-05-14 08:00\ndepartment: 教务处\n"
                      "publish_at: 2025-05-14 08:00\n---\n正文。\n");
  for (const char* file : {"content/site.json", "content/news/now.md", "content/news/later.md"}) {
    std::filesystem::last_write_time(site / file,
                                     std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  }
}

TEST(ScheduledPublishing, AnItemStaysOutOfEveryOutputUntilItsTimeAndAppearsWithoutAnyFileChanging) {
  testing::TempDir site;
  write_scheduled_site(site.path());
  const std::string args = "--site " + site.path().string();
  const CommandRun before = run("build " + args + " --now \"2025-05-14 07:59\"");
  ASSERT_EQ(before.status, 0) << before.output;
  EXPECT_FALSE(std::filesystem::exists(site.path() / "public/news/later.html"));
  EXPECT_TRUE(std::filesystem::exists(site.path() / "public/news/now.html"));
  for (const char* file : {"public/index.html", "public/news/index.html", "public/feed.xml", "public/sitemap.xml"}) {
    EXPECT_EQ(testing::read_text(site.path() / file).find("later"), std::string::npos) << file;
    EXPECT_EQ(testing::read_text(site.path() / file).find("定时发布的新闻"), std::string::npos) << file;
  }
  const CommandRun check = run("check " + args + " --now \"2025-05-14 07:59\" --today 2025-05-14");
  EXPECT_EQ(check.status, 0) << check.output;
  EXPECT_NE(check.output.find("定时发布：content/news/later.md《定时发布的新闻》将于 2025-05-14 08:00（北京时间）发布"),
            std::string::npos)
      << check.output;

  // The same files, a minute later: the record of the last build does not
  // stop the item from going out.
  const CommandRun due = run("build " + args + " --now \"2025-05-14T08:00:00+08:00\"");
  ASSERT_EQ(due.status, 0) << due.output;
  EXPECT_NE(due.output.find("构建完成"), std::string::npos) << due.output;
  EXPECT_TRUE(std::filesystem::exists(site.path() / "public/news/later.html"));
  EXPECT_NE(testing::read_text(site.path() / "public/feed.xml").find("定时发布的新闻"), std::string::npos);
  // And once out, nothing more is due: the shortcut holds again.
  const CommandRun again = run("build " + args + " --now \"2025-05-15 08:00\"");
  EXPECT_NE(again.output.find("都没有变化"), std::string::npos) << again.output;
}

TEST(ScheduledPublishing, ABadTimeIsAnErrorAtItsLine) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site.path() / "content/news/a.md",
                      "---\ntitle: 甲\ndate: 2025-05-13\ndepartment: 教务处\npublish_at: 明天早上\n---\n");
  const CommandRun built = run("build --site " + site.path().string());
  EXPECT_EQ(built.status, 1) << built.output;
  EXPECT_NE(built.output.find("content/news/a.md 第 5 行：错误：publish_at："), std::string::npos) << built.output;
}

TEST(ReviewChain, APublishedItemWithoutEveryStageFailsAndADraftOnlyWarns) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json",
                      testing::minimal_site_json(R"("review": { "stages": ["初审", "复审", "终审"] })"));
  testing::write_text(site.path() / "content/news/a.md",
                      "---\ntitle: 甲\ndate: 2025-05-13\ndepartment: 教务处\nreviews:\n"
                      "  - {stage: 初审, by: 张三, date: 2025-05-12}\n  - {stage: 复审, by: 张三, date: 2025-05-13}\n---\n");
  testing::write_text(site.path() / "content/news/b.md",
                      "---\ntitle: 乙\ndate: 2025-05-13\ndepartment: 教务处\ndraft: true\n---\n");
  const CommandRun built = run("build --site " + site.path().string());
  EXPECT_EQ(built.status, 1) << built.output;
  EXPECT_NE(built.output.find("content/news/a.md 第 7 行：错误：张三 已经签了“初审”"), std::string::npos) << built.output;
  EXPECT_NE(built.output.find("content/news/a.md 第 6 行：错误：缺少“终审”的审核记录"), std::string::npos) << built.output;
  EXPECT_EQ(built.output.find("b.md"), std::string::npos) << "a draft needs no signatures";
  EXPECT_FALSE(std::filesystem::exists(site.path() / "public"));
}

}  // namespace
}  // namespace zhuanlan
