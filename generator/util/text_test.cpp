#include "util/text.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

TEST(Utf8, AcceptsChineseAndAscii) {
  EXPECT_FALSE(find_invalid_utf8("职业教育活动周 2025").has_value());
  EXPECT_FALSE(find_invalid_utf8("😀").has_value());
}

TEST(Utf8, ReportsByteOffsetOfFirstBadSequence) {
  EXPECT_EQ(find_invalid_utf8("ab\xFFzz"), 2u);
  // A Chinese character cut after its second byte.
  EXPECT_EQ(find_invalid_utf8(std::string("职") + std::string("\xE4\xB8", 2)), 3u);
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);     // UTF-16 surrogate
  // GBK bytes of 职教: D6 B0 happens to be a valid UTF-8 pair, BD is not.
  EXPECT_EQ(find_invalid_utf8("\xD6\xB0\xBD\xCC"), 2u);
}

TEST(Utf8, ChecksTheRangesOfThreeByteCharacters) {
  EXPECT_FALSE(find_invalid_utf8("\xE0\xA0\x80\xED\x9F\xBF\xEF\xBF\xBF").has_value());  // U+0800, U+D7FF, U+FFFF
  EXPECT_EQ(find_invalid_utf8("a\xE0\x80\x80"), 1u);  // overlong
  EXPECT_EQ(find_invalid_utf8("ab\xE4\xB8"), 2u);      // cut at the end
  EXPECT_EQ(find_invalid_utf8("\xE4\x38\x80"), 0u);   // second byte not a continuation
}

TEST(Whitespace, CollapsesRunsAndTrims) {
  EXPECT_EQ(collapse_whitespace("  技能\n\n 成才 \t a  b\r\n"), "技能 成才 a b");
  EXPECT_EQ(collapse_whitespace("一段"), "一段");
  EXPECT_EQ(collapse_whitespace(" \n\t "), "");
  EXPECT_EQ(collapse_whitespace(""), "");
}

TEST(Summary, KeepsShortTextWhole) { EXPECT_EQ(make_summary("技能成才。", 10), "技能成才。"); }

TEST(Summary, NeverCutsInsideACharacter) {
  const std::string text(300, 'x');
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "技";
  const std::string cut = make_summary(chinese, 7);
  EXPECT_EQ(cut, "技技技技技技技……");
  EXPECT_FALSE(find_invalid_utf8(cut).has_value());
  EXPECT_EQ(count_code_points(cut), 9u);
}

TEST(Summary, EndsAtASentenceMarkWhenOneIsNear) {
  const std::string text = "第一句话写在这里，很长很长。第二句话也很长很长很长很长";
  // The mark is the 14th character; a window of 18 has it in its last third.
  EXPECT_EQ(make_summary(text, 18), "第一句话写在这里，很长很长。");
  // A window of 40 would reach past the mark but also past the end: whole text.
  EXPECT_EQ(make_summary(text, 40), text);
  // A mark early in a large window is not used: the text is cut with an ellipsis.
  EXPECT_EQ(make_summary("短句。后面是很长很长很长很长很长很长的一段没有句号的文字", 20),
            "短句。后面是很长很长很长很长很长很长的一……");
}

TEST(ReadingTime, CountsChineseCharactersAtAboutFiveHundredAMinute) {
  std::string text;
  for (int i = 0; i < 1200; ++i) text += "学";
  EXPECT_EQ(reading_minutes(text), 3);
  EXPECT_EQ(reading_minutes("短"), 1);
  EXPECT_EQ(reading_minutes(""), 1);
}

TEST(ReadingTime, CountsWordsOfOtherScriptsAtAboutTwoHundredAMinute) {
  std::string text;
  for (int i = 0; i < 450; ++i) text += "Word2025, ";
  EXPECT_EQ(reading_minutes(text), 3);  // 450 words
  std::string mixed;
  for (int i = 0; i < 100; ++i) mixed += "AI赋能职教 ";
  EXPECT_EQ(reading_minutes(mixed), 2);  // 400 characters and 100 words: 0.8 + 0.5 minutes
}

TEST(Escaping, HtmlEscapesEveryMarkupCharacter) {
  EXPECT_EQ(html_escape("<script>alert(\"x\")</script>&'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
}

TEST(Escaping, XmlDropsControlCharacters) {
  EXPECT_EQ(xml_escape(std::string("a\x01<b>\x1f\tc", 9)), "a&lt;b&gt;\tc");
}

TEST(Slug, AsciiNamesStayReadable) {
  EXPECT_EQ(ascii_slug("Auto Repair_Contest 2025"), "auto-repair-contest-2025");
  EXPECT_EQ(ascii_slug("2025-05-13-opening"), "2025-05-13-opening");
}

TEST(Slug, ChineseNamesGetAStableDistinctAsciiSlug) {
  const std::string a = ascii_slug("校企合作签约仪式");
  EXPECT_EQ(a, ascii_slug("校企合作签约仪式"));
  EXPECT_NE(a, ascii_slug("校企合作座谈会"));
  EXPECT_TRUE(is_valid_slug(a)) << a;
  const std::string mixed = ascii_slug("2025-05-14-签约");
  EXPECT_EQ(mixed.rfind("2025-05-14-", 0), 0u) << mixed;
  EXPECT_TRUE(is_valid_slug(mixed));
}

TEST(Slug, ValidatesUserSlugs) {
  EXPECT_TRUE(is_valid_slug("opening-ceremony-2"));
  EXPECT_FALSE(is_valid_slug("Opening"));
  EXPECT_FALSE(is_valid_slug("../etc"));
  EXPECT_FALSE(is_valid_slug("-x"));
  EXPECT_FALSE(is_valid_slug("a_b"));
  EXPECT_FALSE(is_valid_slug(""));
}

}  // namespace
}  // namespace zhuanlan
