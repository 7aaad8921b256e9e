#include "write/table_files.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>

#include "test_support.h"
#include "xlsx_reader.h"

namespace zhuanlan {
namespace {

StatTable small_table() {
  StatTable t;
  t.file_stem = "test";
  t.title = "测试表";
  t.columns = {{"名称", ""}, {"人数", "参与"}, {"企业", "参与"}};
  t.rows = {{std::string("甲,乙"), 12LL, StatCell{NotReported{}}},
            {std::string("说\"明\"\n第二行"), 3LL, Percent{0.125}},
            {std::string("合计"), 15LL, StatCell{NotReported{}}}};
  t.last_row_is_total = true;
  t.header_lines = {{"填报单位：", "测试学院"}, {"联系电话：", "139-0000-0001"}};
  t.wide_rows = {{"计划", "很长的计划"}};
  t.instructions = "填表说明：按时报送";
  t.notes = {"只在网页上"};
  return t;
}

TEST(CsvFile, StartsWithABomAndQuotesWhatNeedsIt) {
  const std::string csv = table_csv(small_table());
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3),
            "测试表,,\r\n"
            "填报单位：测试学院,,联系电话：139-0000-0001\r\n"
            "名称,参与,\r\n"
            ",人数,企业\r\n"
            "\"甲,乙\",12,\r\n"
            "\"说\"\"明\"\"\n第二行\",3,12.5%\r\n"
            "合计,15,\r\n"
            "计划,很长的计划,\r\n"
            "填表说明：按时报送,,\r\n");
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a\rb"), "\"a\rb\"");
}

TEST(XlsxFile, ReadsBackWithHeadersNumbersAndTheSameBytesEachTime) {
  testing::TempDir dir;
  const std::string bytes = table_xlsx(small_table(), "测试学院", 1747497600);
  ASSERT_EQ(bytes.substr(0, 2), "PK");  // a zip container
  EXPECT_EQ(bytes, table_xlsx(small_table(), "测试学院", 1747497600));
  const auto path = dir.path() / "t.xlsx";
  testing::write_text(path, bytes);
  const testing::XlsxSheet sheet = testing::read_xlsx(path);
  EXPECT_EQ(sheet.text("A1"), "测试表");
  EXPECT_EQ(sheet.text("A2"), "填报单位：测试学院");
  EXPECT_EQ(sheet.text("C2"), "联系电话：139-0000-0001");
  EXPECT_TRUE(sheet.merged.count("A2:B2"));
  EXPECT_EQ(sheet.text("A3"), "名称");
  EXPECT_EQ(sheet.text("B3"), "参与");
  EXPECT_EQ(sheet.text("B4"), "人数");
  EXPECT_EQ(sheet.text("C4"), "企业");
  EXPECT_TRUE(sheet.merged.count("A1:C1"));
  EXPECT_TRUE(sheet.merged.count("B3:C3"));  // the group heading
  EXPECT_TRUE(sheet.merged.count("A3:A4"));
  // Numbers are numbers; a figure nobody entered is a blank, bordered cell.
  EXPECT_EQ(sheet.text("B5"), "12");
  EXPECT_TRUE(sheet.cells.at("B5").number);
  ASSERT_TRUE(sheet.cells.count("C5"));
  EXPECT_EQ(sheet.text("C5"), "");
  EXPECT_EQ(sheet.text("C6"), "0.125");
  EXPECT_EQ(sheet.number_formats.at(sheet.cells.at("C6").style), "0.0%");
  EXPECT_TRUE(sheet.bold_styles.count(sheet.cells.at("B3").style));
  EXPECT_TRUE(sheet.bold_styles.count(sheet.cells.at("A7").style));  // 合计
  EXPECT_EQ(sheet.text("A8"), "计划");
  EXPECT_EQ(sheet.text("B8"), "很长的计划");
  EXPECT_TRUE(sheet.merged.count("B8:C8"));
  EXPECT_EQ(sheet.text("A9"), "填表说明：按时报送");
  for (const auto& [ref, cell] : sheet.cells) EXPECT_NE(cell.text, "只在网页上") << ref;
  EXPECT_EQ(sheet.orientation, "landscape");
  EXPECT_EQ(sheet.paper, 9);
  const std::string core = testing::unzip_entry(path, "docProps/core.xml");
  EXPECT_NE(core.find("2025-05-17T16:00:00Z"), std::string::npos) << core;
}

TEST(XlsxFile, LongTextWrapsInTallRowsAndColumnsFitTheirText) {
  StatTable t;
  t.title = "长文字";
  t.columns = {{"项目", ""}, {"内容", ""}, {"备注", ""}, {"参与活动的职业学校（含技工院校）数", ""}};
  std::string long_text;
  for (int i = 0; i < 300; ++i) long_text += "字";
  t.rows = {{std::string("甲"), std::string("短"), std::string(), 1LL}};
  t.wide_rows = {{"活动周工作计划（300字以内）", long_text}};
  testing::TempDir dir;
  const auto path = dir.path() / "long.xlsx";
  testing::write_text(path, table_xlsx(t, "测试学院", 1747497600));
  const testing::XlsxSheet sheet = testing::read_xlsx(path);
  EXPECT_EQ(sheet.text("B4"), long_text);  // whole
  EXPECT_TRUE(sheet.merged.count("B4:D4"));
  // The text spans columns B-D; at two width units a character it needs
  // 600 units, so its row holds that many lines of 16 points.
  const double span = sheet.column_widths.at(2) + sheet.column_widths.at(3) + sheet.column_widths.at(4);
  EXPECT_GE(sheet.row_heights.at(4), 600.0 / span * 16.0) << span;
  // A long heading wraps: its column is narrower than the heading, and its row taller.
  EXPECT_LT(sheet.column_widths.at(4), 34.0);
  EXPECT_GE(sheet.column_widths.at(4), 12.0);
  EXPECT_GE(sheet.row_heights.at(2), 3 * 16.0);
}

StatTable formula_table() {
  StatTable t;
  t.file_stem = "formula";
  t.title = "公式";
  t.columns = {{"=名称", ""}, {"人数", ""}};
  t.rows = {{std::string("=HYPERLINK(\"http://x\")"), -3LL},
            {std::string("+1"), 4LL},
            {std::string("-2"), 0LL},
            {std::string("@SUM(A1)"), 1LL},
            {std::string("\tcmd"), 1LL},
            {std::string("\rcmd"), 1LL},
            {std::string("正常"), 1LL}};
  return t;
}

TEST(CsvFile, TextThatLooksLikeAFormulaGetsAnApostropheNumbersStayNumbers) {
  const std::string csv = table_csv(formula_table()).substr(3);
  EXPECT_EQ(csv,
            "公式,\r\n"
            "'=名称,人数\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\")\",-3\r\n"
            "'+1,4\r\n"
            "'-2,0\r\n"
            "'@SUM(A1),1\r\n"
            "'\tcmd,1\r\n"
            "\"'\rcmd\",1\r\n"
            "正常,1\r\n");
  EXPECT_EQ(csv_text("a=b"), "a=b");
  EXPECT_EQ(csv_text(""), "");
}

TEST(XlsxFile, TextThatLooksLikeAFormulaIsWrittenAsAString) {
  testing::TempDir dir;
  const auto path = dir.path() / "f.xlsx";
  testing::write_text(path, table_xlsx(formula_table(), "测试学院", 1747497600));
  const std::string sheet = testing::unzip_entry(path, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << sheet;  // no formula cell
  EXPECT_NE(sheet.find("<v>-3</v>"), std::string::npos) << sheet;
  const std::string strings = testing::unzip_entry(path, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("=HYPERLINK("), std::string::npos) << strings;
}

}  // namespace
}  // namespace zhuanlan
