#pragma once
// The statistics tables as files that staff send on: CSV in UTF-8 with a
// byte order mark (so Excel on Chinese Windows reads it as UTF-8, not GBK),
// and XLSX written with libxlsxwriter.
#include <ctime>
#include <string>

#include "model/statistics.h"

namespace zhuanlan {

std::string table_csv(const StatTable& table);

// created: the time stamped into the workbook's properties; a fixed value
// keeps the bytes the same on every build. Throws std::runtime_error (in
// Chinese) if libxlsxwriter fails.
std::string table_xlsx(const StatTable& table, const std::string& author, std::time_t created);

// A text cell as a spreadsheet must read it: a leading =, +, -, @, tab or
// CR gets an apostrophe so that it is shown, not run as a formula.
std::string csv_text(const std::string& text);

// One CSV field, quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);

}  // namespace zhuanlan
