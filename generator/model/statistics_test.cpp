#include "model/statistics.h"

#include <gtest/gtest.h>

#include <limits>

namespace zhuanlan {
namespace {

Activity activity(const std::string& id, const std::string& day, ActivityStats stats) {
  std::string error;
  Activity a;
  a.id = id;
  a.title = "活动" + id;
  a.lead = "教务处";
  a.start = *parse_timestamp(day + " 09:00", &error);
  a.first_day = a.last_day = china_day(a.start.utc);
  a.stats = stats;
  return a;
}

SiteModel sample(std::optional<long long> students_total = 1000) {
  std::string error;
  Content c;
  c.site.school = "测试学院";
  c.site.week = {*parse_day("2025-05-11", &error), *parse_day("2025-05-17", &error)};
  c.site.students_total = students_total;
  ActivityStats full;
  full.teachers = 10;
  full.students = 200;
  full.community = "桂香社区";
  full.community_people = 30;
  full.visitors = 50;
  full.enterprises = 2;
  full.enterprise_people = 8;
  full.hands_on_projects = 3;
  ActivityStats partial;
  partial.teachers = 5;
  partial.students = 100;
  c.activities = {activity("a", "2025-05-12", full), activity("b", "2025-05-12", partial),
                  activity("c", "2025-05-14", ActivityStats{})};
  MediaReport province;
  province.level = "省级及以上";
  province.date = *parse_day("2025-05-12", &error);
  MediaReport county = province;
  county.level = "县级";
  c.media = {province, province, county};
  return build_site_model(c);
}

long long number(const StatCell& cell) {
  EXPECT_TRUE(std::holds_alternative<long long>(cell)) << cell_text(cell);
  return std::holds_alternative<long long>(cell) ? std::get<long long>(cell) : -1;
}

TEST(Statistics, SumsOnlyWhatWasReported) {
  EXPECT_EQ(cell_text(sum_reported({std::nullopt, std::nullopt})), "未报送");
  EXPECT_EQ(number(sum_reported({3, std::nullopt, 4})), 7);
  EXPECT_EQ(number(sum_reported({0})), 0);  // a reported zero is a zero
}

TEST(Statistics, SumsNeverWrapToNegative) {
  const long long big = std::numeric_limits<long long>::max() - 1;
  EXPECT_EQ(number(sum_reported({big, 5, 7})), std::numeric_limits<long long>::max());
}

TEST(Statistics, ActivityTableHasARowPerActivityAndTotals) {
  const StatTable t = activity_table(sample());
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.columns.size(), 10u);
  EXPECT_EQ(t.columns[5].group, "参与活动社区（乡村）及人数");
  EXPECT_EQ(cell_text(t.rows[0][0]), "1");
  EXPECT_EQ(cell_text(t.rows[2][3]), "未报送");  // activity c reported nothing
  EXPECT_EQ(cell_text(t.rows[1][7]), "未报送");  // b reported no visitors
  const auto& total = t.rows.back();
  EXPECT_TRUE(t.last_row_is_total);
  EXPECT_EQ(number(total[3]), 15);   // teachers 10 + 5
  EXPECT_EQ(number(total[4]), 300);  // students
  EXPECT_EQ(number(total[7]), 50);   // visitors only from a
  bool mentions_missing = false;
  for (const auto& note : t.notes) mentions_missing = mentions_missing || note.find("有 1 项活动尚未报送") != std::string::npos;
  EXPECT_TRUE(mentions_missing);
}

TEST(Statistics, SummaryComputesCoverageAndTotals) {
  const StatTable t = summary_table(sample());
  ASSERT_EQ(t.rows.size(), 1u);
  const auto& row = t.rows[0];
  EXPECT_EQ(cell_text(row[0]), "测试学院");
  EXPECT_EQ(number(row[1]), 15);
  EXPECT_EQ(number(row[2]), 300);
  EXPECT_EQ(cell_text(row[3]), "30.0%");  // 300 / 1000
  EXPECT_EQ(number(row[4]), 2);
  EXPECT_EQ(number(row[5]), 10 + 200 + 30 + 50 + 8 + 5 + 100);
  EXPECT_EQ(number(row[6]), 3);
  EXPECT_EQ(number(row[7]), 2);  // 省级及以上
  EXPECT_EQ(number(row[8]), 0);
  EXPECT_EQ(number(row[9]), 1);
  EXPECT_EQ(cell_text(summary_table(sample(std::nullopt)).rows[0][3]), "未报送");
}

TEST(Statistics, DailyTableCountsEachActivityOnItsFirstDay) {
  const StatTable t = daily_table(sample());
  ASSERT_EQ(t.rows.size(), 8u);  // seven days and the totals
  EXPECT_EQ(cell_text(t.rows[1][0]), "5月12日 星期一");
  EXPECT_EQ(number(t.rows[1][1]), 2);
  EXPECT_EQ(number(t.rows[1][2]), 300);
  EXPECT_EQ(number(t.rows[1][7]), 3);             // media reports that day
  EXPECT_EQ(cell_text(t.rows[3][2]), "未报送");   // the 14th: one activity, nothing reported
  EXPECT_EQ(cell_text(t.rows[0][2]), "未报送");   // the 11th: no activity
  EXPECT_EQ(number(t.rows.back()[1]), 3);
}

}  // namespace
}  // namespace zhuanlan
