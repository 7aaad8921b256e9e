#pragma once
// A table of figures as the forms and the statistics page show it: the
// official forms (model/report_forms.h) are StatTables, and one table form
// serves the report's XLSX and CSV files, the web page and its downloads,
// so they always agree.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/site_model.h"

namespace zhuanlan {

// A figure nobody entered: left blank, never shown as 0.
struct NotReported {};
struct Percent {
  double ratio = 0;  // 0.125 is 12.5%
};
using StatCell = std::variant<NotReported, long long, Percent, std::string>;

struct StatColumn {
  std::string title;
  std::string group;  // a heading over adjacent columns (merged in XLSX), or ""
};

// A line above the table, e.g. 填报人：某老师.
struct HeaderLine {
  std::string label;  // 填报人：
  std::string value;
};

// A row below the table: a label in the first column and a long text over
// all the others (the 信息采集表's 活动周工作计划).
struct WideRow {
  std::string label;
  std::string text;
};

struct StatTable {
  std::string id;         // the form's id in official-forms.json, or the page's table name
  std::string file_stem;  // the file name without extension
  std::string sheet_name;
  std::string title;      // 2025年职业教育活动周情况统计表
  std::vector<HeaderLine> header_lines;
  std::vector<StatColumn> columns;
  std::vector<std::vector<StatCell>> rows;
  bool last_row_is_total = false;
  std::vector<WideRow> wide_rows;
  std::string instructions;        // the form's 填表说明 line, or ""
  std::vector<std::string> notes;  // how the figures are computed: for the statistics page only
};

// The sum of the values that were entered; NotReported when none were.
StatCell sum_reported(const std::vector<std::optional<long long>>& values);

// Adds a cell to a running total: only numbers count, and the total stays
// NotReported as long as nothing was entered.
void add_to(StatCell& total, const StatCell& value);

StatCell count_or_blank(const std::optional<long long>& value);

// Whether any column has a group heading (then the header takes two rows).
bool has_column_groups(const StatTable& table);

// The text a cell shows: "" for a figure nobody entered, 1234, 12.5%.
std::string cell_text(const StatCell& cell);

}  // namespace zhuanlan
