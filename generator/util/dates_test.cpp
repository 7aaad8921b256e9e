#include "util/dates.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

Timestamp parse_ok(const std::string& text) {
  std::string error;
  const auto stamp = parse_timestamp(text, &error);
  EXPECT_TRUE(stamp.has_value()) << text << ": " << error;
  return stamp.value_or(Timestamp{});
}

TEST(Dates, ReadsEveryFormOfTheContentModel) {
  EXPECT_EQ(format_rfc3339_china(parse_ok("2025-05-13").utc), "2025-05-13T00:00:00+08:00");
  EXPECT_FALSE(parse_ok("2025-05-13").has_time);
  EXPECT_EQ(format_rfc3339_china(parse_ok("2025-05-13 16:30").utc), "2025-05-13T16:30:00+08:00");
  EXPECT_TRUE(parse_ok("2025-05-13 16:30").has_time);
  EXPECT_EQ(format_rfc3339_china(parse_ok("2025-05-13 16:30:45").utc), "2025-05-13T16:30:45+08:00");
  EXPECT_EQ(format_rfc3339_china(parse_ok("2025-05-13T16:30:00+08:00").utc), "2025-05-13T16:30:00+08:00");
  EXPECT_EQ(format_rfc3339_china(parse_ok("2025-05-13T08:30:00Z").utc), "2025-05-13T16:30:00+08:00");
  EXPECT_EQ(format_rfc3339_china(parse_ok("2025-05-13T10:30:00.123+02:00").utc), "2025-05-13T16:30:00+08:00");
}

TEST(Dates, GroupsByTheDayInChinaTime) {
  // 23:30 UTC on the 12th is 07:30 on the 13th in Beijing.
  EXPECT_EQ(format_day_iso(china_day(parse_ok("2025-05-12T23:30:00Z").utc)), "2025-05-13");
  // 00:30 in Beijing is still the 13th, although it is the 12th in UTC.
  EXPECT_EQ(format_day_iso(china_day(parse_ok("2025-05-13 00:30").utc)), "2025-05-13");
  EXPECT_EQ(format_day_iso(china_day(parse_ok("2025-05-13 23:59:59").utc)), "2025-05-13");
}

TEST(Dates, RejectsImpossibleDatesWithAChineseReason) {
  for (const char* bad : {"2025-02-30", "2025-13-01", "2025-05-13 24:00", "2025-05-13 12:60", "13/05/2025",
                          "2025-5-13", "2025-05-13 16:30 beijing", "2024-02-30 10:00"}) {
    std::string error;
    EXPECT_FALSE(parse_timestamp(bad, &error).has_value()) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
  std::string error;
  parse_timestamp("2025-02-30", &error);
  EXPECT_NE(error.find("不存在"), std::string::npos) << error;
  EXPECT_TRUE(parse_timestamp("2024-02-29", &error).has_value());  // a leap day
}

TEST(Dates, FormatsChineseDatesAndWeekdays) {
  std::string error;
  const Day day = *parse_day("2025-05-13", &error);
  EXPECT_EQ(format_day_chinese(day) + " " + weekday_chinese(day), "2025年5月13日 星期二");
  EXPECT_EQ(weekday_chinese(*parse_day("2025-05-11", &error)), "星期日");
  EXPECT_EQ(format_day_range_chinese(*parse_day("2025-05-11", &error), *parse_day("2025-05-17", &error)),
            "2025年5月11日—5月17日");
  EXPECT_EQ(format_time_china(parse_ok("2025-05-13 08:05").utc), "08:05");
}

TEST(Dates, ReadsTimesOfDayAsProgrammesWriteThem) {
  std::string error;
  EXPECT_EQ(parse_clock("15:30", &error), 15 * 60 + 30);
  EXPECT_EQ(parse_clock("09:05", &error), 9 * 60 + 5);
  EXPECT_EQ(parse_clock("9:05", &error), 9 * 60 + 5);
  EXPECT_EQ(parse_clock("15：30", &error), 15 * 60 + 30);  // the full-width colon of Chinese input
  EXPECT_EQ(parse_clock("0:00", &error), 0);
  EXPECT_EQ(format_clock(9 * 60 + 5), "09:05");
  EXPECT_EQ(format_clock(*parse_clock("7：45", &error)), "07:45");
  for (const char* bad : {"", "1530", "15.30", "15:3", "15:300", "下午3点", "15:30:00", " 15:30", "115:30", ":30"}) {
    error.clear();
    EXPECT_FALSE(parse_clock(bad, &error).has_value()) << bad;
    EXPECT_NE(error.find("例如 \"15:30\""), std::string::npos) << bad << ": " << error;
  }
  error.clear();
  EXPECT_FALSE(parse_clock("24:00", &error).has_value());
  EXPECT_NE(error.find("不存在"), std::string::npos) << error;
  EXPECT_FALSE(parse_clock("12:60", &error).has_value());
}

}  // namespace
}  // namespace zhuanlan
