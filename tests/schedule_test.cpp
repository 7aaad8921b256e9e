// End-to-end: activities, media and statistics in a built site, and the
// check and report commands.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "test_support.h"
#include "write/build_site.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

int run(const std::string& arguments, std::string* output) {
  const std::string command = std::string(ZHUANLAN_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::array<char, 4096> buffer{};
  while (pipe && fgets(buffer.data(), buffer.size(), pipe)) *output += buffer.data();
  const int status = pipe ? pclose(pipe) : -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class ScheduleSite : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json",
                        testing::minimal_site_json(R"("departments": ["汽车工程学院", "教务处"], "students_total": 1000,
  "report": { "students_participating": 240 })"));
    testing::write_text(site_.path() / "content/activities/week.json", R"([
  { "id": "auto-repair-contest", "title": "新能源汽车维修技能竞赛</script><script>alert(1)</script>",
    "start": "2025-05-13T09:00", "end": "2025-05-13T17:00", "location": "汽车实训中心",
    "lead": "汽车工程学院", "partners": ["教务处"], "form": "线下", "open_to_public": true,
    "stats": { "teachers": 12, "students": 240, "visitors": 300, "enterprises": 3, "enterprise_people": 15 } },
  { "id": "expo", "title": "成果展", "start": "2025-05-15T16:30", "end": "2025-05-17T17:00", "lead": "教务处" }
])");
    testing::write_text(site_.path() / "content/news/contest.md",
                        "---\ntitle: 竞赛举行\ndate: 2025-05-13 18:00\ndepartment: 汽车工程学院\n"
                        "activity: auto-repair-contest\n---\n正文。\n");
    testing::write_text(site_.path() / "content/media.json",
                        R"([ { "outlet": "某日报", "level": "市级", "date": "2025-05-14", "title": "报道", "url": "https://www.example.com/a", "news": "contest" } ])");
  }
  fs::path build() {
    BuildOptions options;
    options.site_dir = site_.path();
    const BuildResult result = build_site(options);
    for (const auto& d : result.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
    EXPECT_TRUE(result.ok);
    return result.out_dir;
  }
  testing::TempDir site_;
};

TEST_F(ScheduleSite, ANewsItemNamingAnUnknownActivityOrAnOffWeekDateIsReportedAtThatLine) {
  testing::write_text(site_.path() / "content/news/wrong.md",
                      "---\ntitle: 错误\ndepartment: 教务处\ndate: 2025-06-20 10:00\n"
                      "activity: no-such-activity\n---\n正文。\n");
  std::string output;
  EXPECT_NE(run("check --site " + site_.path().string(), &output), 0);
  EXPECT_NE(output.find("content/news/wrong.md 第 5 行"), std::string::npos) << output;
  EXPECT_NE(output.find("no-such-activity"), std::string::npos) << output;
  EXPECT_NE(output.find("content/news/wrong.md 第 4 行"), std::string::npos) << output;
}

TEST_F(ScheduleSite, ActivitiesAndNewsLinkBothWays) {
  const fs::path out = build();
  const std::string activity = testing::read_text(out / "schedule/auto-repair-contest.html");
  EXPECT_NE(activity.find("href=\"../news/contest.html\""), std::string::npos);
  EXPECT_NE(activity.find("汽车实训中心"), std::string::npos);
  // Only the figures that were entered: no word about the missing ones.
  EXPECT_NE(activity.find("<dt>观摩体验人数</dt><dd>300 人</dd>"), std::string::npos) << activity;
  EXPECT_EQ(activity.find("未报送"), std::string::npos);
  EXPECT_EQ(activity.find("参与社区"), std::string::npos);
  const std::string expo = testing::read_text(out / "schedule/expo.html");
  EXPECT_EQ(expo.find("参与情况"), std::string::npos);
  EXPECT_EQ(expo.find("尚未"), std::string::npos);
  const std::string news = testing::read_text(out / "news/contest.html");
  EXPECT_NE(news.find("href=\"../schedule/auto-repair-contest.html\""), std::string::npos);
  const std::string schedule = testing::read_text(out / "schedule/index.html");
  // The expo spans three days and is listed on each of them.
  std::size_t count = 0;
  for (std::size_t at = schedule.find("schedule/expo.html"); at != std::string::npos;
       at = schedule.find("schedule/expo.html", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 3u);
}

TEST_F(ScheduleSite, DepartmentPagesListTheirActivities) {
  const fs::path out = build();
  bool found_lead = false, found_partner = false;
  for (const auto& entry : fs::directory_iterator(out / "departments")) {
    const std::string page = testing::read_text(entry.path());
    if (page.find("<h1>汽车工程学院</h1>") != std::string::npos) {
      found_lead = page.find("auto-repair-contest.html") != std::string::npos && page.find("（牵头）") != std::string::npos;
    }
    if (page.find("<h1>教务处</h1>") != std::string::npos) {  // no news of its own, yet a page
      found_partner = page.find("（协办）") != std::string::npos && page.find("expo.html") != std::string::npos;
    }
  }
  EXPECT_TRUE(found_lead);
  EXPECT_TRUE(found_partner);
}

TEST_F(ScheduleSite, HomeEmbedsTheScheduleSafelyForTheTodayStrip) {
  const fs::path out = build();
  const std::string home = testing::read_text(out / "index.html");
  const auto start = home.find("<script type=\"application/json\" id=\"schedule-data\">");
  ASSERT_NE(start, std::string::npos);
  const auto end = home.find("</script>", start);
  const std::string json = home.substr(start, end - start);
  EXPECT_NE(json.find("\\u003c/script>"), std::string::npos);  // the title's </script> cannot close the element
  EXPECT_NE(json.find("\"first_day\":\"2025-05-15\""), std::string::npos);
  EXPECT_NE(home.find("today."), std::string::npos);  // the script is loaded from the site's assets
  EXPECT_NE(home.find("today-fallback"), std::string::npos);
}

TEST_F(ScheduleSite, PublishesMediaAndStatisticsFiles) {
  const fs::path out = build();
  const std::string media = testing::read_text(out / "media/index.html");
  EXPECT_NE(media.find("href=\"https://www.example.com/a\""), std::string::npos);
  EXPECT_NE(media.find("href=\"../news/contest.html\""), std::string::npos);
  for (const char* file : {"stats/index.html", "stats/summary.csv", "stats/summary.xlsx", "stats/activities.csv",
                           "stats/activities.xlsx", "stats/daily.csv", "stats/daily.xlsx"}) {
    EXPECT_TRUE(fs::exists(out / file)) << file;
  }
  const std::string summary = testing::read_text(out / "stats/summary.csv");
  EXPECT_NE(summary.find("24.0%"), std::string::npos) << summary;  // 240 of 1000 students
  const std::string stats = testing::read_text(out / "stats/index.html");
  EXPECT_EQ(stats.find("未报送"), std::string::npos);
  for (const char* bookkeeping : {"site.json", "media.json", "content/", "students_total", "students_participating"}) {
    EXPECT_EQ(stats.find(bookkeeping), std::string::npos) << bookkeeping;
  }
}

TEST_F(ScheduleSite, CheckExitsZeroWithWarningsAndOneWithErrors) {
  std::string output;
  EXPECT_EQ(run("check --site " + site_.path().string() + " --today 2025-05-20", &output), 0) << output;
  EXPECT_NE(output.find("没有安排任何活动"), std::string::npos) << output;
  EXPECT_NE(output.find("活动“成果展”已于 2025-05-17 结束"), std::string::npos) << output;
  EXPECT_FALSE(fs::exists(site_.path() / "public"));  // check writes nothing
  testing::write_text(site_.path() / "content/news/typo.md",
                      "---\ntitle: 错字\ndate: 2025-05-13\ndepartment: 汽车工程学院\nactivity: auto-repair-contset\n---\n");
  output.clear();
  EXPECT_EQ(run("check --site " + site_.path().string(), &output), 1) << output;
  EXPECT_NE(output.find("auto-repair-contset"), std::string::npos) << output;
}

TEST_F(ScheduleSite, ReportWritesTheFormsAndEnforcesTheLengthLimit) {
  testing::TempDir reports;
  std::string output;
  EXPECT_EQ(run("report --site " + site_.path().string() + " --out " + (reports.path() / "r").string(), &output), 0)
      << output;
  for (const char* file : {"01-信息采集表.xlsx", "01-信息采集表.csv", "02-情况统计表.xlsx", "03-信息采集表（各项活动）.csv",
                           "04-情况统计表（各部门）/汽车工程学院.xlsx", "04-情况统计表（各部门）/教务处.csv",
                           "05-活动安排表.xlsx", "06-开展情况汇总表.xlsx", "06-开展情况汇总表.csv"}) {
    EXPECT_TRUE(fs::exists(reports.path() / "r" / file)) << file;
  }
  EXPECT_NE(testing::read_text(reports.path() / "r/01-信息采集表.csv").find("https://www.example.edu.cn/zjz2025/"),
            std::string::npos);
  std::string long_plan;
  for (int i = 0; i < 320; ++i) long_plan += "计";
  testing::write_text(site_.path() / "content/site.json",
                      testing::minimal_site_json("\"report\": { \"plan\": \"" + long_plan + "\" }"));
  output.clear();
  EXPECT_EQ(run("report --site " + site_.path().string() + " --out " + (reports.path() / "r2").string(), &output), 1);
  EXPECT_NE(output.find("有 320 个字，超过了 300 字的限制"), std::string::npos) << output;
  EXPECT_FALSE(fs::exists(reports.path() / "r2"));
}

}  // namespace
}  // namespace zhuanlan
