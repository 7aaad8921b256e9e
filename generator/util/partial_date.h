#pragma once
// Dates of achievements: often only the month is known (2024-06), and
// spreadsheets write dates their own way (2024/6/13, 2024年6月).
#include <optional>
#include <string>
#include <string_view>

namespace zhuanlan {

struct PartialDate {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;  // 0 when only the month is given
};

// Accepts 2024-06, 2024-06-13, and the same with / or . between the parts,
// single-digit months and days, and 2024年6月 or 2024年6月13日. On failure
// returns nullopt with a Chinese explanation in *error.
std::optional<PartialDate> parse_partial_date(std::string_view text, std::string* error);

std::string format_partial_date_iso(const PartialDate& date);      // 2024-06, 2024-06-13
std::string format_partial_date_chinese(const PartialDate& date);  // 2024年6月, 2024年6月13日

}  // namespace zhuanlan
