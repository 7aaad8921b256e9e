#pragma once
// Dates as the content model writes them. The column is read in China, so a
// time without an offset is China time (UTC+8, no daylight saving), and a
// news item belongs to the day it was published on in China.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace zhuanlan {

using Day = std::chrono::sys_days;  // a calendar day (in China time)

struct Timestamp {
  std::chrono::sys_seconds utc{};
  bool has_time = false;  // false for a bare date such as 2025-05-13
};

// Accepts 2025-05-13, 2025-05-13 16:30, 2025-05-13 16:30:05, and ISO 8601 as
// Hugo and Jekyll write it (2025-05-13T16:30:00+08:00, ...Z, fractions).
// On failure returns nullopt and puts a Chinese explanation into *error.
std::optional<Timestamp> parse_timestamp(std::string_view text, std::string* error);

// Accepts only a date: 2025-05-13.
std::optional<Day> parse_day(std::string_view text, std::string* error);

// A time of day as a programme writes it: 15:30, or 9:30 (also with the
// full-width colon of Chinese input, 15：30). Returns the minutes since
// midnight; on failure nullopt and a Chinese explanation in *error.
std::optional<int> parse_clock(std::string_view text, std::string* error);
std::string format_clock(int minutes);  // 09:30

Day china_day(std::chrono::sys_seconds utc);

std::string format_day_iso(Day day);              // 2025-05-13
std::string format_day_chinese(Day day);          // 2025年5月13日
std::string format_month_day_chinese(Day day);    // 5月13日
std::string weekday_chinese(Day day);             // 星期二
std::string format_time_china(std::chrono::sys_seconds utc);     // 16:30
std::string format_rfc3339_china(std::chrono::sys_seconds utc);  // 2025-05-13T16:30:00+08:00

// "2025年5月11日—5月17日" (the year is repeated only when it changes).
std::string format_day_range_chinese(Day first, Day last);

}  // namespace zhuanlan
