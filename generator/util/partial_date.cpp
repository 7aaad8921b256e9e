#include "util/partial_date.h"

#include <chrono>
#include <cstdio>
#include <vector>

namespace zhuanlan {

std::optional<PartialDate> parse_partial_date(std::string_view text, std::string* error) {
  const std::string shown(text);
  *error = "日期“" + shown + "”应当写成 2024-06（年-月）或 2024-06-13（年-月-日）";
  // Runs of digits, each followed by one of - / . 年 月; 日 (or 月 after the
  // month) may end the text.
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] >= '0' && text[i] <= '9') {
      parts.back() += text[i++];
      continue;
    }
    const std::string_view rest = text.substr(i);
    if (parts.back().empty()) return std::nullopt;
    if (rest == "日" || (rest == "月" && parts.size() == 2)) break;
    std::size_t length = 0;
    for (const std::string_view separator : {"-", "/", ".", "年", "月"}) {
      if (rest.substr(0, separator.size()) == separator) length = separator.size();
    }
    if (length == 0) return std::nullopt;
    parts.emplace_back();
    i += length;
  }
  if (parts.size() < 2 || parts.size() > 3 || parts[0].size() != 4) return std::nullopt;
  for (std::size_t k = 1; k < parts.size(); ++k) {
    if (parts[k].empty() || parts[k].size() > 2) return std::nullopt;
  }
  PartialDate date;
  date.year = std::stoi(parts[0]);
  date.month = static_cast<unsigned>(std::stoi(parts[1]));
  if (parts.size() == 3) date.day = static_cast<unsigned>(std::stoi(parts[2]));
  using namespace std::chrono;
  if (date.year < 1900 || date.year > 2100 || !month{date.month}.ok()) {
    *error = "日期“" + shown + "”中的年份或月份不对，请写成 2024-06 这样的形式";
    return std::nullopt;
  }
  if (date.day != 0 && !year_month_day{year{date.year}, month{date.month}, day{date.day}}.ok()) {
    *error = "日期“" + shown + "”不存在（" + std::to_string(date.year) + "年没有" + std::to_string(date.month) +
             "月" + std::to_string(date.day) + "日），请改成真实的日期";
    return std::nullopt;
  }
  error->clear();
  return date;
}

std::string format_partial_date_iso(const PartialDate& date) {
  char buffer[32];
  if (date.day == 0) std::snprintf(buffer, sizeof buffer, "%04d-%02u", date.year, date.month);
  else std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", date.year, date.month, date.day);
  return buffer;
}

std::string format_partial_date_chinese(const PartialDate& date) {
  std::string out = std::to_string(date.year) + "年" + std::to_string(date.month) + "月";
  if (date.day != 0) out += std::to_string(date.day) + "日";
  return out;
}

}  // namespace zhuanlan
