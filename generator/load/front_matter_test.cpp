#include "load/front_matter.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

FrontMatterSplit split(std::string_view text) {
  std::string error;
  int line = 0;
  const auto out = split_front_matter(text, &error, &line);
  EXPECT_TRUE(out.has_value()) << error;
  return out.value_or(FrontMatterSplit{});
}

// The same file with each line ending Windows Notepad, old Mac editors and
// Unix write: the fences are found and the body starts on file line 5.
TEST(FrontMatter, LfCrlfAndCrLineEndingsSplitAlike) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const std::string text = "---" + eol + "title: 甲" + eol + "date: 2025-05-13" + eol + "---" + eol + "正文" + eol;
    const FrontMatterSplit s = split(text);
    EXPECT_TRUE(s.present);
    EXPECT_EQ(s.yaml, "title: 甲" + eol + "date: 2025-05-13" + eol);
    EXPECT_EQ(s.yaml_first_line, 2);
    EXPECT_EQ(s.body, "正文" + eol);
    EXPECT_EQ(s.body_first_line, 5);
  }
}

TEST(FrontMatter, ABomBeforeTheFenceIsSkipped) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    const std::string text = "\xEF\xBB\xBF---" + eol + "title: 甲" + eol + "---" + eol + "正文";
    const FrontMatterSplit s = split(text);
    EXPECT_TRUE(s.present);
    EXPECT_EQ(s.yaml, "title: 甲" + eol);
    EXPECT_EQ(s.body, "正文");
    EXPECT_EQ(s.body_first_line, 4);
  }
}

TEST(FrontMatter, FencesMayCarryTrailingSpacesAndCloseWithDots) {
  const FrontMatterSplit s = split("--- \r\ntitle: 甲\r\n...\t\r\n");
  EXPECT_TRUE(s.present);
  EXPECT_EQ(s.yaml, "title: 甲\r\n");
  EXPECT_TRUE(s.body.empty());
  EXPECT_EQ(s.body_first_line, 4);
}

TEST(FrontMatter, NoFenceMeansNoFrontMatter) {
  const FrontMatterSplit s = split("正文\r第二行\r");
  EXPECT_FALSE(s.present);
  EXPECT_EQ(s.body, "正文\r第二行\r");
  EXPECT_FALSE(split("---").present);  // a fence needs its line ending
}

TEST(FrontMatter, AnUnclosedFenceIsAnErrorOnLineOne) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    std::string error;
    int line = 0;
    EXPECT_FALSE(split_front_matter("---" + eol + "title: 甲" + eol + "正文" + eol, &error, &line));
    EXPECT_EQ(line, 1);
    EXPECT_NE(error.find("没有结束"), std::string::npos);
  }
}

}  // namespace
}  // namespace zhuanlan
