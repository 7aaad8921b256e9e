#include "util/dates.h"

#include <array>
#include <cstdio>

namespace zhuanlan {
namespace {

using namespace std::chrono;

constexpr auto kChinaOffset = hours(8);

bool read_digits(std::string_view text, std::size_t& pos, std::size_t count, int* value) {
  if (pos + count > text.size()) return false;
  int v = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += count;
  *value = v;
  return true;
}

bool read_char(std::string_view text, std::size_t& pos, char expected) {
  if (pos < text.size() && text[pos] == expected) {
    ++pos;
    return true;
  }
  return false;
}

// Reads YYYY-MM-DD at pos and checks that the day exists.
std::optional<Day> read_date(std::string_view text, std::size_t& pos, std::string* error) {
  int y = 0, m = 0, d = 0;
  if (!read_digits(text, pos, 4, &y) || !read_char(text, pos, '-') || !read_digits(text, pos, 2, &m) ||
      !read_char(text, pos, '-') || !read_digits(text, pos, 2, &d)) {
    *error = "无法识别日期“" + std::string(text) + "”，请写成 2025-05-13 或 2025-05-13 16:30 的形式";
    return std::nullopt;
  }
  const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) {
    *error = "日期“" + std::string(text) + "”不存在（" + std::to_string(y) + "年没有" + std::to_string(m) +
             "月" + std::to_string(d) + "日），请改成真实的日期";
    return std::nullopt;
  }
  return sys_days{ymd};
}

}  // namespace

std::optional<Day> parse_day(std::string_view text, std::string* error) {
  std::size_t pos = 0;
  auto day = read_date(text, pos, error);
  if (day && pos != text.size()) {
    *error = "“" + std::string(text) + "”应当只写日期，例如 2025-05-13";
    return std::nullopt;
  }
  return day;
}

std::optional<Timestamp> parse_timestamp(std::string_view text, std::string* error) {
  std::size_t pos = 0;
  const auto day = read_date(text, pos, error);
  if (!day) return std::nullopt;
  if (pos == text.size()) return Timestamp{sys_seconds{*day} - kChinaOffset, false};

  const std::string format_hint =
      "无法识别时间“" + std::string(text) + "”，请写成 2025-05-13 16:30 或 2025-05-13T16:30:00+08:00 的形式";
  if (!read_char(text, pos, ' ') && !read_char(text, pos, 'T')) {
    *error = format_hint;
    return std::nullopt;
  }
  int hh = 0, mm = 0, ss = 0;
  if (!read_digits(text, pos, 2, &hh) || !read_char(text, pos, ':') || !read_digits(text, pos, 2, &mm)) {
    *error = format_hint;
    return std::nullopt;
  }
  if (read_char(text, pos, ':')) {
    if (!read_digits(text, pos, 2, &ss)) {
      *error = format_hint;
      return std::nullopt;
    }
    if (read_char(text, pos, '.')) {  // fractions of a second are ignored
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  if (hh > 23 || mm > 59 || ss > 59) {
    *error = "时间“" + std::string(text) + "”不存在，小时应为 0–23，分钟和秒应为 0–59";
    return std::nullopt;
  }
  seconds offset = kChinaOffset;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos < text.size()) {
    if (read_char(text, pos, 'Z')) {
      offset = seconds(0);
    } else if (text[pos] == '+' || text[pos] == '-') {
      const int sign = text[pos] == '-' ? -1 : 1;
      ++pos;
      int oh = 0, om = 0;
      if (!read_digits(text, pos, 2, &oh)) {
        *error = format_hint;
        return std::nullopt;
      }
      read_char(text, pos, ':');
      if (pos < text.size() && !read_digits(text, pos, 2, &om)) {
        *error = format_hint;
        return std::nullopt;
      }
      if (oh > 14 || om > 59) {
        *error = "时区“" + std::string(text) + "”不存在";
        return std::nullopt;
      }
      offset = sign * (hours(oh) + minutes(om));
    }
    if (pos != text.size()) {
      *error = format_hint;
      return std::nullopt;
    }
  }
  const sys_seconds local = sys_seconds{*day} + hours(hh) + minutes(mm) + seconds(ss);
  return Timestamp{local - offset, true};
}

std::optional<int> parse_clock(std::string_view text, std::string* error) {
  const std::string hint = "时间“" + std::string(text) + "”应当写成 时:分（24 小时制），例如 \"15:30\" 或 \"9:05\"";
  std::size_t pos = 0;
  int hh = 0, mm = 0;
  const bool one_digit_hour = text.size() > 1 && (text[1] == ':' || text.substr(1, 3) == "：");
  if (!read_digits(text, pos, one_digit_hour ? 1 : 2, &hh)) {
    *error = hint;
    return std::nullopt;
  }
  if (!read_char(text, pos, ':')) {
    if (text.substr(pos, 3) != "：") {
      *error = hint;
      return std::nullopt;
    }
    pos += 3;
  }
  if (!read_digits(text, pos, 2, &mm) || pos != text.size()) {
    *error = hint;
    return std::nullopt;
  }
  if (hh > 23 || mm > 59) {
    *error = "时间“" + std::string(text) + "”不存在，小时应为 0–23，分钟应为 0–59";
    return std::nullopt;
  }
  return hh * 60 + mm;
}

std::string format_clock(int minutes) {
  std::array<char, 8> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02d:%02d", minutes / 60 % 24, minutes % 60);
  return buffer.data();
}

Day china_day(sys_seconds utc) { return floor<days>(utc + kChinaOffset); }

std::string format_day_iso(Day d) {
  const year_month_day ymd{d};
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer.data();
}

std::string format_day_chinese(Day d) {
  const year_month_day ymd{d};
  return std::to_string(static_cast<int>(ymd.year())) + "年" + format_month_day_chinese(d);
}

std::string format_month_day_chinese(Day d) {
  const year_month_day ymd{d};
  return std::to_string(static_cast<unsigned>(ymd.month())) + "月" +
         std::to_string(static_cast<unsigned>(ymd.day())) + "日";
}

std::string weekday_chinese(Day d) {
  static constexpr std::array<const char*, 7> names = {"星期日", "星期一", "星期二", "星期三",
                                                       "星期四", "星期五", "星期六"};
  return names[weekday{d}.c_encoding()];
}

std::string format_time_china(sys_seconds utc) {
  const auto local = utc + kChinaOffset;
  const hh_mm_ss<seconds> t{local - floor<days>(local)};
  std::array<char, 8> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02d:%02d", static_cast<int>(t.hours().count()),
                static_cast<int>(t.minutes().count()));
  return buffer.data();
}

std::string format_rfc3339_china(sys_seconds utc) {
  const auto local = utc + kChinaOffset;
  const hh_mm_ss<seconds> t{local - floor<days>(local)};
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "T%02d:%02d:%02d+08:00", static_cast<int>(t.hours().count()),
                static_cast<int>(t.minutes().count()), static_cast<int>(t.seconds().count()));
  return format_day_iso(china_day(utc)) + buffer.data();
}

std::string format_day_range_chinese(Day first, Day last) {
  if (first == last) return format_day_chinese(first);
  const year_month_day a{first};
  const year_month_day b{last};
  return format_day_chinese(first) + "—" + (a.year() == b.year() ? format_month_day_chinese(last)
                                                                  : format_day_chinese(last));
}

}  // namespace zhuanlan
