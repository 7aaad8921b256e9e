#include "write/table_files.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <regex>

#include "test_support.h"

namespace zhuanlan {
namespace {

StatTable small_table() {
  StatTable t;
  t.file_stem = "test";
  t.title = "测试表";
  t.columns = {{"名称", "", 10}, {"人数", "参与", 8}, {"企业", "参与", 8}};
  t.rows = {{std::string("甲,乙"), 12LL, StatCell{NotReported{}}},
            {std::string("说\"明\"\n第二行"), 3LL, Percent{0.125}},
            {std::string("合计"), 15LL, StatCell{NotReported{}}}};
  t.last_row_is_total = true;
  t.notes = {"说明一"};
  return t;
}

std::string unzip_entry(const std::filesystem::path& zip, const std::string& entry) {
  const std::string command = "unzip -p '" + zip.string() + "' '" + entry + "'";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  std::array<char, 4096> buffer{};
  std::size_t n;
  while (pipe && (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  if (pipe) pclose(pipe);
  return out;
}

TEST(CsvFile, StartsWithABomAndQuotesWhatNeedsIt) {
  const std::string csv = table_csv(small_table());
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3),
            "名称,参与：人数,参与：企业\r\n"
            "\"甲,乙\",12,未报送\r\n"
            "\"说\"\"明\"\"\n第二行\",3,12.5%\r\n"
            "合计,15,未报送\r\n");
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
  const std::string strings = unzip_entry(path, "xl/sharedStrings.xml");
  for (const char* text : {"测试表", "名称", "参与", "人数", "甲,乙", "未报送", "合计", "说明一"}) {
    EXPECT_NE(strings.find(text), std::string::npos) << text;
  }
  const std::string sheet = unzip_entry(path, "xl/worksheets/sheet1.xml");
  // The first data row sits under the title and two header rows.
  EXPECT_TRUE(std::regex_search(sheet, std::regex("<c r=\"B4\"[^>]*><v>12</v></c>"))) << sheet;
  EXPECT_NE(sheet.find("<v>0.125</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<mergeCell ref=\"B2:C2\"/>"), std::string::npos);  // the group heading
  EXPECT_NE(sheet.find("<mergeCell ref=\"A2:A3\"/>"), std::string::npos);
  const std::string core = unzip_entry(path, "docProps/core.xml");
  EXPECT_NE(core.find("2025-05-17T16:00:00Z"), std::string::npos) << core;
}

StatTable formula_table() {
  StatTable t;
  t.file_stem = "formula";
  t.title = "公式";
  t.columns = {{"=名称", "", 10}, {"人数", "", 8}};
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
  const std::string sheet = unzip_entry(path, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << sheet;  // no formula cell
  EXPECT_NE(sheet.find("<v>-3</v>"), std::string::npos) << sheet;
  const std::string strings = unzip_entry(path, "xl/sharedStrings.xml");
  EXPECT_NE(strings.find("=HYPERLINK("), std::string::npos) << strings;
}

}  // namespace
}  // namespace zhuanlan
