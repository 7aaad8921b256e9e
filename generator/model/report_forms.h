#pragma once
// The official report forms of the notices (the seeds), filled from the
// site. official_forms() is the data description of the six forms: their
// titles, the lines above each table, the header cells left to right (with
// the merged cell over a group) and the rows and 填表说明 below, transcribed
// from the notices (the project's copy of the transcription is
// tests/data/official-forms.json, which the tests compare with). The
// builders fill one form each; write/report writes them as XLSX and CSV.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/statistics.h"

namespace zhuanlan {

struct FormRowBelow {
  std::string label;  // 活动周工作计划（300字以内）
  std::string hint;   // what the row asks for, printed when nothing was written
};

struct FormSpec {
  std::string id;                         // as in official-forms.json
  std::string title;                      // {year} is the week's year
  std::vector<std::string> header_lines;  // the labels above the table, e.g. 填报人：
  std::vector<StatColumn> columns;
  std::vector<FormRowBelow> rows_below;
  std::string note;                       // the 填表说明 line, or ""
};

// The six forms, in the order of official-forms.json.
const std::vector<FormSpec>& official_forms();
// Throws std::out_of_range for an id that is not one of them.
const FormSpec& official_form(std::string_view id);

// 002 附件4: the school's contact, the column's address, the plan and the
// featured activity.
StatTable info_collection_province_form(const SiteModel& model);
// 002 附件5: the school's totals, coverage rate and media reports by level.
StatTable stats_province_form(const SiteModel& model);
// 000 附件1: one row per activity: date, title, departments, time of day.
StatTable info_collection_school_form(const SiteModel& model);
// 000 附件2 for one lead department (its activities), or for every activity
// when department is empty (then without the 填报单位（部门） line). A 合计
// row ends it.
StatTable stats_department_form(const SiteModel& model, const std::string& department);
// The departments that lead an activity: site.json's order, then as they come.
std::vector<std::string> lead_departments(const SiteModel& model);
// 004 附件1—1: one row per activity with its 活动负责人.
StatTable arrangement_form(const SiteModel& model);
// 004 附件1—2: one row per day of the week, then 合计.
StatTable daily_summary_form(const SiteModel& model);

// Every form `zhuanlan report` writes, in the order of official_forms();
// the department form once per lead department.
std::vector<StatTable> report_forms(const SiteModel& model);

// The figures of an activity's "stats" the forms read, for check's list of
// what is still missing.
struct StatFigure {
  const char* key;      // schoolchildren
  const char* meaning;  // 中小学生人次
  std::optional<long long> ActivityStats::*member;
};
const std::vector<StatFigure>& stat_figures();

// 参与人数 of one activity: teachers, students, community and enterprise
// people, and the visitors (观摩体验人数, who include the schoolchildren and
// parents; their sum when it is larger); nullopt when none was entered.
std::optional<long long> people_of(const ActivityStats& stats);

// 参与活动的学生覆盖率: report.students_participating / students_total.
std::optional<Percent> coverage_rate(const SiteConfig& site);

// The 填报单位: report.unit, else the school.
std::string reporting_unit(const SiteConfig& site);

constexpr std::size_t kReportTextLimit = 300;

}  // namespace zhuanlan
