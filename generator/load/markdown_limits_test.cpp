#include "load/markdown_limits.h"

#include <gtest/gtest.h>

#include "load/markdown.h"
#include "test_support.h"

namespace zhuanlan {
namespace {

std::string row(std::size_t cells, const std::string& cell) {
  std::string out = "|";
  for (std::size_t i = 0; i < cells; ++i) out += cell + "|";
  return out;
}

TEST(MarkdownLimits, ATableOfSixtyFourColumnsIsFineOneMoreIsAnErrorWithTheLine) {
  Diagnostics ok;
  const std::string table64 = row(64, "a") + "\n" + row(64, "---") + "\n";
  EXPECT_TRUE(markdown_within_limits(table64, "content/news/a.md", 5, ok));
  EXPECT_TRUE(ok.items.empty());

  Diagnostics wide;
  const std::string table65 = "前言\n\n" + row(2, "a") + "\n" + row(2, "---") + "\n" + row(65, "x") + "\n";
  EXPECT_FALSE(markdown_within_limits(table65, "content/news/a.md", 5, wide));
  ASSERT_EQ(wide.items.size(), 1u);
  EXPECT_EQ(wide.items[0].file, "content/news/a.md");
  EXPECT_EQ(wide.items[0].line, 9);  // the body's fifth line
  EXPECT_NE(wide.items[0].message.find("表格有 65 列，超过了表格列数的上限 64 列"), std::string::npos)
      << wide.items[0].message;
}

TEST(MarkdownLimits, EscapedPipesAndRowsWithoutOuterPipesCountAsCellsDo) {
  Diagnostics d;
  std::string escaped;
  for (int i = 0; i < 200; ++i) escaped += "\\|";
  EXPECT_TRUE(markdown_within_limits("| " + escaped + " | b |\n", "f.md", 1, d));
  std::string bare = "a";
  for (int i = 0; i < 64; ++i) bare += " | a";  // 65 cells, no outer pipes
  EXPECT_FALSE(markdown_within_limits(bare, "f.md", 1, d));
}

TEST(MarkdownLimits, ABodyOverOneMegabyteIsRefusedBeforeParsing) {
  Diagnostics d;
  const std::string big(kMaxMarkdownBodyBytes + 1, 'a');
  EXPECT_FALSE(markdown_within_limits(big, "content/pages/big.md", 3, d));
  ASSERT_EQ(d.items.size(), 1u);
  EXPECT_EQ(d.items[0].line, 3);
  EXPECT_NE(d.items[0].message.find("超过了正文的上限 1 MB"), std::string::npos) << d.items[0].message;
  Diagnostics fine;
  EXPECT_TRUE(markdown_within_limits(std::string(kMaxMarkdownBodyBytes, 'a'), "f.md", 1, fine));
}

TEST(MarkdownLimits, ParseMarkdownChecksThemFirst) {
  // The probe's table: 40,000 columns (24 s inside cmark-gfm) is refused
  // before cmark sees it.
  MarkdownSource source;
  const std::string text = row(40000, "x") + "\n" + row(40000, "-") + "\n";
  source.text = text;
  source.file = "content/news/wide.md";
  source.first_line = 4;
  Diagnostics d;
  const testing::TestLoad load("/nonexistent");
  const auto document = parse_markdown(source, load.context, d);
  ASSERT_TRUE(document);
  EXPECT_TRUE(document->plain_text.empty());
  ASSERT_EQ(d.error_count(), 2);
  EXPECT_EQ(d.items[0].line, 4);
  EXPECT_NE(d.items[0].message.find("表格有 40000 列"), std::string::npos);
}

}  // namespace
}  // namespace zhuanlan
