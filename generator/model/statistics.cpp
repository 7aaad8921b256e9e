#include "model/statistics.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "util/text.h"

namespace zhuanlan {
namespace {

std::string year_of(const SiteModel& model) {
  return std::to_string(static_cast<int>(std::chrono::year_month_day{model.site.week.start}.year()));
}

StatCell count_or_not(const std::optional<long long>& value) {
  return value ? StatCell{*value} : StatCell{NotReported{}};
}

// Loaders refuse counts above kMaxReportedCount, so sums stay far from the
// limit; saturating keeps a model built some other way from wrapping to
// negative totals (undefined behaviour) all the same.
long long saturating_add(long long a, long long b) {
  long long sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return b > 0 ? std::numeric_limits<long long>::max() : std::numeric_limits<long long>::min();
  return sum;
}

// Adds what was reported; NotReported stays as long as nothing was.
void add_to(StatCell& total, const StatCell& value) {
  const auto* number = std::get_if<long long>(&value);
  if (!number) return;
  if (auto* sum = std::get_if<long long>(&total)) *sum = saturating_add(*sum, *number);
  else total = *number;
}

std::optional<long long> people_of(const ActivityStats& s) {
  if (!s.teachers && !s.students && !s.community_people && !s.visitors && !s.enterprise_people) return std::nullopt;
  long long people = 0;
  for (const auto& figure : {s.teachers, s.students, s.community_people, s.visitors, s.enterprise_people}) {
    people = saturating_add(people, figure.value_or(0));
  }
  return people;
}

std::string missing_note(const SiteModel& model) {
  std::size_t none = 0;
  for (const auto& a : model.activities) none += !a.stats.reported();
  if (none == 0) return "";
  return "有 " + std::to_string(none) + " 项活动尚未报送参与情况，合计中不含这些活动；个别项未报送的，该项显示为“未报送”。";
}

}  // namespace

StatCell sum_reported(const std::vector<std::optional<long long>>& values) {
  StatCell total = NotReported{};
  for (const auto& v : values) add_to(total, count_or_not(v));
  return total;
}

bool has_column_groups(const StatTable& table) {
  return std::any_of(table.columns.begin(), table.columns.end(), [](const StatColumn& c) { return !c.group.empty(); });
}

std::string cell_text(const StatCell& cell) {
  if (std::holds_alternative<NotReported>(cell)) return "未报送";
  if (const auto* n = std::get_if<long long>(&cell)) return std::to_string(*n);
  if (const auto* p = std::get_if<Percent>(&cell)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", p->ratio * 100.0);
    return buffer;
  }
  return std::get<std::string>(cell);
}

StatTable activity_table(const SiteModel& model) {
  StatTable t;
  t.file_stem = "activities";
  t.title = year_of(model) + "年职业教育活动周情况统计表";
  t.columns = {{"序号", "", 6},
               {"活动内容", "", 36},
               {"牵头部门", "", 16},
               {"参与活动教师", "", 10},
               {"参与活动学生", "", 10},
               {"社区（乡村）", "参与活动社区（乡村）及人数", 18},
               {"人数", "参与活动社区（乡村）及人数", 8},
               {"观摩体验活动人数", "", 12},
               {"企业数", "参与活动企业及人数", 8},
               {"人数", "参与活动企业及人数", 8}};
  std::vector<StatCell> total(t.columns.size(), NotReported{});
  total[0] = std::string("合计");
  total[1] = std::to_string(model.activities.size()) + " 项活动";
  total[2] = std::string();
  total[5] = std::string();
  long long number = 0;
  for (const auto& a : model.activities) {
    const ActivityStats& s = a.stats;
    std::vector<StatCell> row = {++number,
                                 a.title,
                                 a.lead,
                                 count_or_not(s.teachers),
                                 count_or_not(s.students),
                                 s.community.empty() ? StatCell{std::string()} : StatCell{s.community},
                                 count_or_not(s.community_people),
                                 count_or_not(s.visitors),
                                 count_or_not(s.enterprises),
                                 count_or_not(s.enterprise_people)};
    for (const std::size_t c : {3, 4, 6, 7, 8, 9}) add_to(total[c], row[c]);
    t.rows.push_back(std::move(row));
  }
  t.rows.push_back(std::move(total));
  t.last_row_is_total = true;
  t.notes = {"每项活动一行，数字来自 content/activities/ 中各活动的 stats（参与情况）。",
             "合计为各活动已报送数字之和；同一人参加多项活动时按人次累计。"};
  if (const std::string note = missing_note(model); !note.empty()) t.notes.push_back(note);
  return t;
}

StatTable summary_table(const SiteModel& model) {
  StatTable t;
  t.file_stem = "summary";
  t.title = year_of(model) + "年职业教育活动周情况统计表（汇总）";
  t.columns = {{"学校", "", 24},
               {"参与活动的教师数", "", 12},
               {"参与活动的学生数", "", 12},
               {"参与活动的学生覆盖率", "", 12},
               {"参与活动的企业数", "", 12},
               {"参与总人数", "", 12},
               {"观摩体验活动项目数", "", 12},
               {"省级及以上媒体报道数", "活动周媒体报道数", 12},
               {"市（州）级媒体报道数", "活动周媒体报道数", 12},
               {"县（区）级媒体报道数", "活动周媒体报道数", 12}};
  std::vector<std::optional<long long>> teachers, students, enterprises, people, projects;
  for (const auto& a : model.activities) {
    teachers.push_back(a.stats.teachers);
    students.push_back(a.stats.students);
    enterprises.push_back(a.stats.enterprises);
    people.push_back(people_of(a.stats));
    projects.push_back(a.stats.hands_on_projects);
  }
  const StatCell student_sum = sum_reported(students);
  StatCell coverage = NotReported{};
  if (const auto* n = std::get_if<long long>(&student_sum); n && model.site.students_total) {
    coverage = Percent{static_cast<double>(*n) / static_cast<double>(*model.site.students_total)};
  }
  const auto& levels = media_levels();  // 省级及以上, 市级, 县级: the form's three columns
  std::vector<long long> by_level(levels.size(), 0);
  for (const auto& report : model.media) {
    const auto at = static_cast<std::size_t>(std::find(levels.begin(), levels.end(), report.level) - levels.begin());
    if (at < by_level.size()) ++by_level[at];  // the loader accepts no other level
  }
  t.rows.push_back({model.site.school, sum_reported(teachers), student_sum, coverage, sum_reported(enterprises),
                    sum_reported(people), sum_reported(projects), by_level[0], by_level[1], by_level[2]});
  t.notes = {"参与活动的教师数、学生数、企业数：各活动报送数字之和（按人次、家次累计）。",
             "参与活动的学生覆盖率 = 参与活动的学生数 ÷ 在校学生总数（site.json 的 students_total）" +
                 std::string(model.site.students_total ? "，在校学生 " + std::to_string(*model.site.students_total) + " 人。"
                                                       : "；未填写在校学生总数时显示为“未报送”。") +
                 "学生数按人次计，同一学生参加多项活动会重复计算。",
             "参与总人数 = 各活动的教师、学生、社区（乡村）人数、观摩体验人数与企业人数之和。",
             "观摩体验活动项目数：各活动报送的观摩体验项目数之和。",
             "媒体报道数：content/media.json 中按级别统计的报道篇数。",
             "本表按一所学校填报，省略了汇总单位使用的“参与活动的职业学校数”一栏。"};
  if (const std::string note = missing_note(model); !note.empty()) t.notes.push_back(note);
  return t;
}

StatTable daily_table(const SiteModel& model) {
  StatTable t;
  t.file_stem = "daily";
  t.title = year_of(model) + "年职业教育活动周开展情况汇总表（按日）";
  t.columns = {{"日期", "", 16},
               {"活动数", "", 8},
               {"参与活动的职业院校学生（人次）", "", 14},
               {"参与活动的教师数（人次）", "", 14},
               {"参与活动的家长、社区居民（人次）", "", 14},
               {"参与的企业（家次）", "", 12},
               {"开展的职业体验项目（个次）", "", 14},
               {"媒体报道（篇次）", "", 12}};
  std::vector<StatCell> total(t.columns.size(), NotReported{});
  total[0] = std::string("合计");
  total[1] = 0LL;
  total[7] = 0LL;
  for (Day day = model.site.week.start; day <= model.site.week.end; day += std::chrono::days(1)) {
    std::vector<std::optional<long long>> students, teachers, community, enterprises, projects;
    long long count = 0;
    for (const auto& a : model.activities) {
      if (a.first_day != day) continue;  // a multi-day activity counts on its first day
      ++count;
      students.push_back(a.stats.students);
      teachers.push_back(a.stats.teachers);
      community.push_back(a.stats.community_people);
      enterprises.push_back(a.stats.enterprises);
      projects.push_back(a.stats.hands_on_projects);
    }
    long long reports = 0;
    for (const auto& r : model.media) reports += r.date == day;
    std::vector<StatCell> row = {format_month_day_chinese(day) + " " + weekday_chinese(day), count,
                                 sum_reported(students), sum_reported(teachers), sum_reported(community),
                                 sum_reported(enterprises), sum_reported(projects), reports};
    for (std::size_t c = 1; c < row.size(); ++c) add_to(total[c], row[c]);
    t.rows.push_back(std::move(row));
  }
  t.rows.push_back(std::move(total));
  t.last_row_is_total = true;
  t.notes = {"每天一行，统计当天开始的活动；跨越多天的活动计入它开始的那一天。",
             "家长、社区居民人次取各活动报送的社区（乡村）参与人数。",
             "媒体报道按报道日期计入当天。原表中无法由本站数据得出的栏目（如参与的中小学生人数、发放宣传资料份数）未列出。"};
  return t;
}

StatTable info_collection_table(const SiteModel& model) {
  const ReportInfo& r = model.site.report;
  StatTable t;
  t.file_stem = "info";
  t.title = year_of(model) + "年职业教育活动周信息采集表";
  t.columns = {{"职业学校", "", 24}, {"联系人", "", 10}, {"职务", "", 14}, {"手机", "", 14},
               {"QQ号", "", 12},     {"专题网站（专栏）链接地址", "", 40}};
  t.rows.push_back({model.site.school, r.contact, r.position, r.mobile, r.qq, model.site.base_url});
  t.rows.push_back({std::string("活动周工作计划（300字以内）"), r.plan, std::string(), std::string(), std::string(),
                    std::string()});
  t.rows.push_back({std::string("特色活动简介（300字以内）"), r.featured, std::string(), std::string(), std::string(),
                    std::string()});
  t.notes = {"内容来自 content/site.json 的 report；工作计划和特色活动简介各不超过 300 字。"};
  return t;
}

}  // namespace zhuanlan
