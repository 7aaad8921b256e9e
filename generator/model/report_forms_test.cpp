#include "model/report_forms.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>

namespace zhuanlan {
namespace {

Activity activity(const std::string& id, const std::string& start, ActivityStats stats, const std::string& lead = "教务处") {
  std::string error;
  Activity a;
  a.id = id;
  a.title = "活动" + id;
  a.lead = lead;
  a.start = *parse_timestamp(start, &error);
  a.first_day = a.last_day = china_day(a.start.utc);
  a.stats = stats;
  return a;
}

Day day(const std::string& text) {
  std::string error;
  return *parse_day(text, &error);
}

MediaReport media(const std::string& level, const std::string& type, const std::string& date, long long count) {
  MediaReport report;
  report.level = level;
  report.type = type;
  report.date = day(date);
  report.count = count;
  return report;
}

// Three activities with known figures: a full one and a partial one on
// Monday, an empty one on Wednesday that runs to Friday.
Content sample_content() {
  Content c;
  c.site.school = "测试学院";
  c.site.week = {day("2025-05-11"), day("2025-05-17")};
  c.site.students_total = 1000;
  c.site.departments = {"汽车工程学院", "教务处"};
  c.site.report.contact = "某老师";
  c.site.report.position = "宣传部干事";
  c.site.report.mobile = "139-0000-0001";
  const ActivityStats full{.teachers = 10, .students = 200, .community_people = 30, .visitors = 50, .enterprises = 2,
                           .enterprise_people = 8, .hands_on_projects = 3, .community = "桂香社区",
                           .schoolchildren = 40, .parents = 12, .labs_opened = 4, .talks = 1, .skill_shows = 2,
                           .service_people = 60, .materials = 500};
  ActivityStats partial;
  partial.teachers = 5;
  partial.students = 100;
  partial.parents = 0;  // entered as zero: shown as 0, not blank
  Activity a = activity("a", "2025-05-12 09:00", full);
  a.open_to_public = true;
  a.contact = {"张老师", "139-0000-0002", "教务处副处长"};
  a.audience = "全校学生";
  a.participants = "汽车专业学生、合作企业技师";
  Activity b = activity("b", "2025-05-12 14:00", partial, "汽车工程学院");
  b.audience = "中学生";
  Activity expo = activity("c", "2025-05-14", ActivityStats{});
  expo.last_day = day("2025-05-16");
  c.activities = {a, b, expo};
  c.media = {media("省级及以上", "传统媒体", "2025-05-12", 1), media("省级及以上", "网络新闻", "2025-05-12", 3),
             media("县级", "微信微博", "2025-05-15", 5)};
  return c;
}

long long number(const StatCell& cell) {
  EXPECT_TRUE(std::holds_alternative<long long>(cell)) << "“" << cell_text(cell) << "” is not a number";
  return std::holds_alternative<long long>(cell) ? std::get<long long>(cell) : -1;
}

bool blank(const StatCell& cell) { return std::holds_alternative<NotReported>(cell); }

TEST(ReportForms, TheDataDescriptionIsTheTranscriptionOfTheNotices) {
  std::ifstream in(std::string(ZHUANLAN_SOURCE_DIR) + "/tests/data/official-forms.json");
  ASSERT_TRUE(in) << "tests/data/official-forms.json";
  const auto fixture = nlohmann::json::parse(in);
  const auto& forms = fixture.at("forms");
  ASSERT_EQ(forms.size(), official_forms().size());
  for (std::size_t f = 0; f < forms.size(); ++f) {
    const auto& expected = forms[f];
    const FormSpec& spec = official_forms()[f];
    SCOPED_TRACE(spec.id);
    EXPECT_EQ(spec.id, expected.at("id"));
    EXPECT_EQ(spec.title, expected.at("title"));
    std::vector<std::string> lines;
    for (const auto& line : expected.value("header_lines", nlohmann::json::array())) lines.push_back(line.at("text"));
    EXPECT_EQ(spec.header_lines, lines);
    ASSERT_EQ(spec.columns.size(), expected.at("columns").size());
    for (std::size_t c = 0; c < spec.columns.size(); ++c) {
      const auto& column = expected.at("columns")[c];
      EXPECT_EQ(spec.columns[c].title, column.is_string() ? column.get<std::string>() : column.at("text").get<std::string>());
      EXPECT_EQ(spec.columns[c].group, column.is_string() ? "" : column.value("group", ""));
    }
    const auto below = expected.value("rows_below", nlohmann::json::array());
    ASSERT_EQ(spec.rows_below.size(), below.size());
    for (std::size_t r = 0; r < below.size(); ++r) {
      EXPECT_EQ(spec.rows_below[r].label, below[r].at("label"));
      EXPECT_EQ(spec.rows_below[r].hint, below[r].at("hint"));
    }
    if (expected.contains("note")) EXPECT_EQ(spec.note, expected.at("note"));
  }
}

TEST(ReportForms, ProvinceStatisticsAddUpWhatWasEnteredAndCountMediaByLevel) {
  const SiteModel model = build_site_model(sample_content());
  const StatTable t = stats_province_form(model);
  EXPECT_EQ(t.title, "2025年职业教育活动周情况统计表");
  ASSERT_EQ(t.rows.size(), 1u);
  const auto& row = t.rows[0];
  ASSERT_EQ(row.size(), t.columns.size());
  EXPECT_EQ(cell_text(row[0]), "测试学院");
  EXPECT_EQ(number(row[1]), 1);
  EXPECT_EQ(number(row[2]), 15);   // teachers
  EXPECT_EQ(number(row[3]), 300);  // students
  EXPECT_TRUE(blank(row[4]));      // no distinct students given: no rate from attendances
  EXPECT_EQ(number(row[5]), 2);    // enterprises
  // a: 10+200+30+8 and 52 schoolchildren and parents among (more than) the
  // 50 visitors; b: 5+100 and 0 parents.
  EXPECT_EQ(number(row[6]), 405);
  EXPECT_EQ(number(row[7]), 3);
  EXPECT_EQ(number(row[8]), 4);  // 1 + 3 reports at province level
  EXPECT_EQ(number(row[9]), 0);
  EXPECT_EQ(number(row[10]), 5);
  EXPECT_EQ(t.header_lines[0].label + t.header_lines[0].value, "填报单位（盖章）：测试学院");
  EXPECT_EQ(t.header_lines[1].value, "某老师");
  EXPECT_EQ(t.header_lines[2].value, "139-0000-0001");
}

TEST(ReportForms, CoverageComesFromDistinctStudentsAndTheUnitFromTheReport) {
  Content c = sample_content();
  c.site.report.students_participating = 250;
  c.site.report.unit = "测试学院宣传部";
  const StatTable t = stats_province_form(build_site_model(c));
  ASSERT_TRUE(std::holds_alternative<Percent>(t.rows[0][4]));
  EXPECT_DOUBLE_EQ(std::get<Percent>(t.rows[0][4]).ratio, 0.25);
  EXPECT_EQ(cell_text(t.rows[0][4]), "25.0%");
  EXPECT_EQ(t.header_lines[0].value, "测试学院宣传部");
  EXPECT_EQ(cell_text(t.rows[0][0]), "测试学院");
  c.site.students_total.reset();
  EXPECT_TRUE(blank(stats_province_form(build_site_model(c)).rows[0][4]));
}

TEST(ReportForms, DailySummaryHasARowPerDayAndTotalsOfEveryColumn) {
  const SiteModel model = build_site_model(sample_content());
  const StatTable t = daily_summary_form(model);
  ASSERT_EQ(t.rows.size(), 8u);  // seven days and 合计
  EXPECT_TRUE(t.last_row_is_total);
  EXPECT_EQ(cell_text(t.rows[0][0]), "5月11日");
  const auto& monday = t.rows[1];
  EXPECT_EQ(number(monday[1]), 1);    // one school took part
  EXPECT_EQ(number(monday[2]), 300);  // students
  EXPECT_EQ(number(monday[3]), 15);   // teachers
  EXPECT_EQ(number(monday[4]), 40);   // schoolchildren
  EXPECT_EQ(number(monday[5]), 42);   // parents 12 + 0, community 30
  EXPECT_EQ(number(monday[6]), 2);
  EXPECT_EQ(number(monday[7]), 1);  // open to the public
  EXPECT_EQ(number(monday[8]), 4);
  EXPECT_EQ(number(monday[9]), 3);
  EXPECT_EQ(number(monday[10]), 1);
  EXPECT_EQ(number(monday[11]), 2);
  EXPECT_EQ(number(monday[12]), 60);
  EXPECT_EQ(number(monday[13]), 500);
  EXPECT_EQ(number(monday[14]), 1);  // 传统媒体
  EXPECT_EQ(number(monday[15]), 3);  // 网络新闻, an entry counting 3
  EXPECT_EQ(number(monday[16]), 0);
  // The expo runs Wednesday to Friday: the school takes part each day, its
  // (missing) figures count on Wednesday only and stay blank.
  for (const int d : {3, 4, 5}) EXPECT_EQ(number(t.rows[d][1]), 1) << d;
  EXPECT_TRUE(blank(t.rows[3][2]));
  EXPECT_EQ(number(t.rows[3][7]), 0);  // not open to the public
  EXPECT_EQ(number(t.rows[0][1]), 0);  // Sunday: nothing
  const auto& total = t.rows.back();
  EXPECT_EQ(cell_text(total[0]), "合计");
  EXPECT_EQ(number(total[1]), 4);
  EXPECT_EQ(number(total[2]), 300);
  EXPECT_EQ(number(total[5]), 42);
  EXPECT_EQ(number(total[7]), 1);
  EXPECT_EQ(number(total[16]), 5);  // 微信微博 on Thursday
  for (std::size_t c = 1; c < t.columns.size(); ++c) {
    long long sum = 0;
    bool any = false;
    for (std::size_t r = 0; r + 1 < t.rows.size(); ++r) {
      if (const auto* n = std::get_if<long long>(&t.rows[r][c])) sum += *n, any = true;
    }
    if (any) EXPECT_EQ(number(total[c]), sum) << t.columns[c].title;
    else EXPECT_TRUE(blank(total[c])) << t.columns[c].title;
  }
}

TEST(ReportForms, BlankWhereNobodyEnteredAFigureZeroWhereZeroWasEntered) {
  Content c = sample_content();
  c.activities.erase(c.activities.begin());  // only b (parents = 0) and the expo
  const StatTable t = daily_summary_form(build_site_model(c));
  EXPECT_EQ(number(t.rows[1][5]), 0);   // parents entered as 0, community not entered
  EXPECT_TRUE(blank(t.rows[1][4]));     // schoolchildren: nobody entered it
  EXPECT_TRUE(blank(t.rows.back()[4]));
  EXPECT_EQ(cell_text(t.rows.back()[4]), "");
  const StatTable department = stats_department_form(build_site_model(c), "");
  EXPECT_TRUE(blank(department.rows[1][2]));  // the expo's teachers
  EXPECT_EQ(cell_text(department.rows[1][4]), "");
}

TEST(ReportForms, OneStatisticsTablePerLeadDepartmentInTheSitesOrder) {
  const SiteModel model = build_site_model(sample_content());
  EXPECT_EQ(lead_departments(model), (std::vector<std::string>{"汽车工程学院", "教务处"}));
  const StatTable auto_school = stats_department_form(model, "汽车工程学院");
  EXPECT_EQ(auto_school.header_lines.size(), 1u);
  EXPECT_EQ(auto_school.header_lines[0].label + auto_school.header_lines[0].value, "填报单位（部门）：汽车工程学院");
  ASSERT_EQ(auto_school.rows.size(), 2u);  // b, and 合计
  EXPECT_EQ(cell_text(auto_school.rows[0][1]), "活动b");
  const StatTable office = stats_department_form(model, "教务处");
  ASSERT_EQ(office.rows.size(), 3u);  // a, the expo, and 合计
  EXPECT_EQ(number(office.rows[0][0]), 1);
  EXPECT_EQ(cell_text(office.rows[0][4]), "桂香社区 30人");
  EXPECT_EQ(cell_text(office.rows[0][6]), "2家 8人");
  EXPECT_EQ(cell_text(office.rows[2][1]), "2 项活动");
  // None entered as 0: a 0, not "0家 0人".
  Content zero = sample_content();
  zero.activities[1].stats.enterprises = 0;
  zero.activities[1].stats.community_people = 0;
  const StatTable none = stats_department_form(build_site_model(zero), "汽车工程学院");
  EXPECT_EQ(number(none.rows[0][4]), 0);
  EXPECT_EQ(number(none.rows[0][6]), 0);
  EXPECT_EQ(number(office.rows[2][2]), 10);
  EXPECT_EQ(number(office.rows[2][5]), 50);
  // Every form of the report, the department form once per department.
  const auto forms = report_forms(model);
  ASSERT_EQ(forms.size(), 7u);
  EXPECT_EQ(forms[3].file_stem, "04-情况统计表（各部门）/汽车工程学院");
  EXPECT_EQ(forms[4].file_stem, "04-情况统计表（各部门）/教务处");
}

TEST(ReportForms, ArrangementListsTheContactAndTheParticipants) {
  const StatTable t = arrangement_form(build_site_model(sample_content()));
  ASSERT_EQ(t.rows.size(), 3u);
  const auto& a = t.rows[0];
  ASSERT_EQ(a.size(), t.columns.size());
  EXPECT_EQ(cell_text(a[1]), "测试学院");
  EXPECT_EQ(cell_text(a[4]), "汽车专业学生、合作企业技师");
  EXPECT_EQ(number(a[5]), 300);
  EXPECT_EQ(cell_text(a[6]), "张老师");
  EXPECT_EQ(cell_text(a[7]), "139-0000-0002");
  EXPECT_EQ(cell_text(a[8]), "教务处副处长");
  EXPECT_EQ(cell_text(a[10]), "2025年5月12日 星期一 09:00");
  EXPECT_EQ(cell_text(t.rows[1][4]), "中学生");  // participants fall back to the audience
  EXPECT_TRUE(blank(t.rows[2][5]));
}

TEST(ReportForms, InfoCollectionFormsCarryThePlanAndEachActivity) {
  Content c = sample_content();
  c.site.base_url = "https://www.example.edu.cn/zjz2025/";
  c.site.report.plan = "计划全文";
  const SiteModel model = build_site_model(c);
  const StatTable province = info_collection_province_form(model);
  EXPECT_EQ(cell_text(province.rows[0][5]), "https://www.example.edu.cn/zjz2025/");
  ASSERT_EQ(province.wide_rows.size(), 2u);
  EXPECT_EQ(province.wide_rows[0].label, "活动周工作计划（300字以内）");
  EXPECT_EQ(province.wide_rows[0].text, "计划全文");
  EXPECT_EQ(province.wide_rows[1].text, "主要包含特色活动名称、活动内容与形式、开展时间和预期成效等。");  // not written yet
  EXPECT_FALSE(province.instructions.empty());
  const StatTable school = info_collection_school_form(model);
  ASSERT_EQ(school.rows.size(), 3u);
  EXPECT_EQ(cell_text(school.rows[2][1]), "5月14日—5月16日");
  EXPECT_EQ(cell_text(school.rows[2][4]), "全天");
  EXPECT_EQ(cell_text(school.rows[0][4]), "09:00");
}

TEST(Statistics, SumsNeverWrapToNegative) {
  const long long big = std::numeric_limits<long long>::max();
  EXPECT_EQ(number(sum_reported({big, big})), big);
  EXPECT_TRUE(blank(sum_reported({std::nullopt, std::nullopt})));
}

}  // namespace
}  // namespace zhuanlan
