#include "load/csv.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(Csv, ReadsPlainRowsWithLfOrCrlf) {
  EXPECT_EQ(parse_csv("标题,单位\n甲,乙\n").rows, (Rows{{"标题", "单位"}, {"甲", "乙"}}));
  EXPECT_EQ(parse_csv("标题,单位\r\n甲,乙\r\n").rows, (Rows{{"标题", "单位"}, {"甲", "乙"}}));
  EXPECT_EQ(parse_csv("a,b").rows, (Rows{{"a", "b"}}));  // no line break at the end
}

TEST(Csv, QuotedCellsKeepCommasQuotesAndLineBreaks) {
  const CsvTable table = parse_csv("a,b,c\n\"一，二, 三\",\"他说\"\"好\"\"\",\"第一行\r\n第二行\"\nx,y,z\n");
  EXPECT_TRUE(table.problems.empty());
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.rows[1], (std::vector<std::string>{"一，二, 三", "他说\"好\"", "第一行\n第二行"}));
  EXPECT_EQ(table.rows[2], (std::vector<std::string>{"x", "y", "z"}));  // row 3, though it is on line 5
}

TEST(Csv, EmptyCellsAndEmptyRowsKeepTheirPlaces) {
  const CsvTable table = parse_csv("a,,c,\n\n,,,\n\"\",x\n");
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(table.rows[0], (std::vector<std::string>{"a", "", "c", ""}));
  EXPECT_EQ(table.rows[1], (std::vector<std::string>{""}));  // an empty line is still row 2
  EXPECT_EQ(table.rows[2], (std::vector<std::string>{"", "", "", ""}));
  EXPECT_EQ(table.rows[3], (std::vector<std::string>{"", "x"}));
}

TEST(Csv, AQuoteInsideAnUnquotedCellIsKeptAsSpreadsheetsDo) {
  const CsvTable table = parse_csv("5\"屏幕,b\n");
  EXPECT_TRUE(table.problems.empty());
  EXPECT_EQ(table.rows[0][0], "5\"屏幕");
}

TEST(Csv, TextAfterAClosingQuoteIsReportedWithRowAndColumn) {
  const CsvTable table = parse_csv("a,b,c\n1,2,3\nx,\"引号\"之后,z\n");
  ASSERT_EQ(table.problems.size(), 1u);
  EXPECT_EQ(table.problems[0].row, 3);
  EXPECT_EQ(table.problems[0].column, 2);
  EXPECT_NE(table.problems[0].message.find("结束引号后面还有文字"), std::string::npos);
  ASSERT_EQ(table.rows.size(), 3u);  // reading went on
  EXPECT_EQ(table.rows[2][2], "z");
}

TEST(Csv, AnUnclosedQuoteIsReportedWhereItStarted) {
  const CsvTable table = parse_csv("a,b\n1,2\n3,\"没有结束\n4,5\n");
  ASSERT_EQ(table.problems.size(), 1u);
  EXPECT_EQ(table.problems[0].row, 3);
  EXPECT_EQ(table.problems[0].column, 2);
  EXPECT_NE(table.problems[0].message.find("没有结束的引号"), std::string::npos);
}

TEST(Csv, ColumnLettersAreAsSpreadsheetsShowThem) {
  EXPECT_EQ(column_letters(1), "A");
  EXPECT_EQ(column_letters(9), "I");
  EXPECT_EQ(column_letters(26), "Z");
  EXPECT_EQ(column_letters(27), "AA");
  EXPECT_EQ(column_letters(53), "BA");
}

}  // namespace
}  // namespace zhuanlan

namespace zhuanlan {
namespace {

TEST(Csv, LoneCarriageReturnsEndRowsAndLineBreaksInCells) {
  const CsvTable table = parse_csv("a,\"x\ry\"\rb,\"p\r\nq\"\r");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0][1], "x\ny");
  EXPECT_EQ(table.rows[1][1], "p\nq");
  EXPECT_EQ(table.rows[1][0], "b");
}

}  // namespace
}  // namespace zhuanlan
