#include "util/partial_date.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

std::string iso(std::string_view text) {
  std::string error;
  const auto date = parse_partial_date(text, &error);
  return date ? format_partial_date_iso(*date) : "error: " + error;
}

TEST(PartialDate, AcceptsMonthsAndDaysAsSpreadsheetsWriteThem) {
  EXPECT_EQ(iso("2024-06"), "2024-06");
  EXPECT_EQ(iso("2024-06-13"), "2024-06-13");
  EXPECT_EQ(iso("2024/6/3"), "2024-06-03");
  EXPECT_EQ(iso("2024.6"), "2024-06");
  EXPECT_EQ(iso("2024年6月"), "2024-06");
  EXPECT_EQ(iso("2024年6月13日"), "2024-06-13");
}

TEST(PartialDate, RejectsWhatIsNotADate) {
  for (const char* bad : {"2024", "24-06", "2024-13", "2024-06-", "2024年", "六月", "2024-06-13 10:00", "2024-006"}) {
    EXPECT_EQ(iso(bad).rfind("error: ", 0), 0u) << bad;
  }
  EXPECT_NE(iso("2023-02-29").find("不存在"), std::string::npos);
}

TEST(PartialDate, ChineseFormShowsOnlyWhatWasGiven) {
  std::string error;
  EXPECT_EQ(format_partial_date_chinese(*parse_partial_date("2024-06", &error)), "2024年6月");
  EXPECT_EQ(format_partial_date_chinese(*parse_partial_date("2024-06-03", &error)), "2024年6月3日");
}

}  // namespace
}  // namespace zhuanlan
