#include "validate/schedule_checks.h"

#include "model/report_forms.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

Day day(const std::string& text) {
  std::string error;
  return *parse_day(text, &error);
}

Activity activity(const std::string& id, const std::string& start, const std::string& lead) {
  std::string error;
  Activity a;
  a.id = id;
  a.title = "活动" + id;
  a.lead = lead;
  a.source = "content/activities/a.json";
  a.line = 3;
  a.start = *parse_timestamp(start, &error);
  a.first_day = a.last_day = china_day(a.start.utc);
  return a;
}

class ScheduleChecks : public ::testing::Test {
 protected:
  SiteModel model(std::vector<Activity> activities, std::vector<NewsItem> news = {}) {
    Content c;
    c.site.week = {day("2025-05-11"), day("2025-05-17")};
    c.site.month = DayRange{day("2025-05-01"), day("2025-05-31")};
    c.activities = std::move(activities);
    c.news = std::move(news);
    return build_site_model(c);
  }
  std::vector<std::string> warnings(const SiteModel& m, const std::string& today = "2025-05-12") {
    Diagnostics found;
    check_schedule(m, day(today), found);
    std::vector<std::string> out;
    for (const auto& d : found.items) {
      EXPECT_EQ(d.severity, Severity::warning);
      out.push_back(d.message);
    }
    return out;
  }
  static bool any(const std::vector<std::string>& messages, const std::string& needle) {
    for (const auto& m : messages) {
      if (m.find(needle) != std::string::npos) return true;
    }
    return false;
  }
};

TEST_F(ScheduleChecks, WarnsAboutDaysWithoutActivities) {
  std::vector<Activity> every_day;
  for (int d = 11; d <= 17; ++d) every_day.push_back(activity("a" + std::to_string(d), "2025-05-" + std::to_string(d) + " 09:00", "教务处"));
  EXPECT_FALSE(any(warnings(model(every_day)), "没有安排任何活动"));
  every_day.erase(every_day.begin() + 2);  // the 13th
  const auto found = warnings(model(every_day));
  EXPECT_TRUE(any(found, "5月13日 星期二 没有安排任何活动"));
  EXPECT_FALSE(any(found, "5月14日"));
}

TEST_F(ScheduleChecks, WarnsAboutActivitiesOutsideTheMonth) {
  EXPECT_TRUE(any(warnings(model({activity("june", "2025-06-02 09:00", "教务处")})), "不在活动月"));
  EXPECT_FALSE(any(warnings(model({activity("may", "2025-05-02 09:00", "教务处")})), "不在活动月"));
}

TEST_F(ScheduleChecks, ListsPerEndedActivityTheFiguresStillMissing) {
  Activity reported = activity("done", "2025-05-11 09:00", "教务处");
  reported.stats.students = 10;
  reported.stats.teachers = 0;  // zero is a figure
  Activity complete = activity("complete", "2025-05-11 09:00", "教务处");
  for (const auto& figure : stat_figures()) complete.stats.*figure.member = 1;
  complete.contact = {"某老师", "139-0000-0001", "教务处干事"};
  const SiteModel m = model({activity("silent", "2025-05-11 09:00", "教务处"), reported, complete,
                             activity("later", "2025-05-15 09:00", "教务处")});
  const auto found = warnings(m, "2025-05-13");
  EXPECT_TRUE(any(found, "活动silent”已于 2025-05-11 结束，但还没有填写参与情况"));
  EXPECT_TRUE(any(found, "活动done”已于 2025-05-11 结束，参与情况 \"stats\" 还缺少 12 项：schoolchildren（参与的中小学生人次）"));
  EXPECT_FALSE(any(found, "还缺少 12 项：teachers"));
  EXPECT_TRUE(any(found, "活动done”没有填写活动负责人的姓名和手机号码"));
  EXPECT_FALSE(any(found, "活动complete”"));
  EXPECT_FALSE(any(found, "活动later”"));  // not over yet
}

TEST_F(ScheduleChecks, WarnsAboutNewsThatMayHaveForgottenItsActivity) {
  std::string error;
  NewsItem item;
  item.source = "content/news/a.md";
  item.department = "汽车工程学院";
  item.date = *parse_timestamp("2025-05-14 18:00", &error);
  item.day = china_day(item.date.utc);
  Activity contest = activity("auto-repair-contest", "2025-05-14 09:00", "汽车工程学院");
  EXPECT_TRUE(any(warnings(model({contest}, {item})), "activity: 活动 id"));
  item.activity = "auto-repair-contest";
  EXPECT_FALSE(any(warnings(model({contest}, {item})), "activity: 活动 id"));
  item.activity.clear();
  item.department = "学生处";  // not involved in the contest
  EXPECT_FALSE(any(warnings(model({contest}, {item})), "activity: 活动 id"));
}

TEST_F(ScheduleChecks, ExplainsThatAttendancesGiveNoCoverageRate) {
  Activity big = activity("big", "2025-05-12 09:00", "学生处");
  big.stats.students = 1500;
  Content c;
  c.site.week = {day("2025-05-11"), day("2025-05-17")};
  c.site.students_total = 1000;
  c.activities = {big};
  EXPECT_TRUE(any(warnings(build_site_model(c)), "不能用来计算覆盖率"));
  EXPECT_TRUE(any(warnings(build_site_model(c)), "合计 1500 人次"));
  c.site.report.students_participating = 600;
  EXPECT_FALSE(any(warnings(build_site_model(c)), "覆盖率"));
  c.site.students_total.reset();
  EXPECT_TRUE(any(warnings(build_site_model(c)), "没有填写在校学生总数"));
}

TEST_F(ScheduleChecks, ReportTextsOverThreeHundredCharactersAreCounted) {
  SiteConfig site;
  site.report.plan = std::string();
  for (int i = 0; i < 301; ++i) site.report.plan += "计";
  site.report.plan_line = 12;
  Diagnostics found;
  check_report_limits(site, Severity::error, found);
  ASSERT_EQ(found.items.size(), 1u);
  EXPECT_EQ(found.items[0].line, 12);
  EXPECT_NE(found.items[0].message.find("有 301 个字"), std::string::npos) << found.items[0].message;
  site.report.plan.resize(300 * 3);  // exactly 300 characters
  Diagnostics none;
  check_report_limits(site, Severity::error, none);
  EXPECT_TRUE(none.items.empty());
}

}  // namespace
}  // namespace zhuanlan
