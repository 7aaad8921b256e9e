#pragma once
// The statistics forms the education authorities ask for, computed from the
// activities and media reports. One table form serves the web page, the CSV
// and the XLSX files, so the three always agree.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/site_model.h"

namespace zhuanlan {

struct NotReported {};
struct Percent {
  double ratio = 0;  // 0.125 is 12.5%
};
using StatCell = std::variant<NotReported, long long, Percent, std::string>;

struct StatColumn {
  std::string title;
  std::string group;  // a heading over adjacent columns (merged in XLSX), or ""
  int width = 12;     // in characters, for XLSX
};

struct StatTable {
  std::string file_stem;  // activities, summary, daily, info
  std::string title;      // 2025年职业教育活动周情况统计表
  std::vector<StatColumn> columns;
  std::vector<std::vector<StatCell>> rows;
  bool last_row_is_total = false;
  std::vector<std::string> notes;  // how each figure is computed
};

// Seed 000: one row per activity, and a totals row.
StatTable activity_table(const SiteModel& model);
// Seed 002: the school's summary.
StatTable summary_table(const SiteModel& model);
// Seed 004: one row per day of the week, and a totals row.
StatTable daily_table(const SiteModel& model);
// Seed 002's 信息采集表, from site.json's report. Texts over the limit are
// reported by check_report_limits, not cut.
StatTable info_collection_table(const SiteModel& model);

constexpr std::size_t kReportTextLimit = 300;

// The sum of the values that were reported; NotReported when none were.
StatCell sum_reported(const std::vector<std::optional<long long>>& values);

// Whether any column has a group heading (then the header takes two rows).
bool has_column_groups(const StatTable& table);

// The text a cell shows: 未报送, 1234, 12.5%.
std::string cell_text(const StatCell& cell);

}  // namespace zhuanlan
