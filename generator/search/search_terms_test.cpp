#include "search/search_terms.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace zhuanlan {
namespace {

using Terms = std::vector<std::string>;

bool has(const Terms& terms, const std::string& term) {
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

TEST(SearchTerms, ChineseGivesOverlappingBigrams) {
  EXPECT_EQ(search_terms("产教融合"), (Terms{"产教", "教融", "融合"}));
  EXPECT_EQ(search_terms("校企合作"), (Terms{"校企", "企合", "合作"}));
  EXPECT_EQ(search_terms("实训"), (Terms{"实训"}));
}

TEST(SearchTerms, PunctuationAndSpacesEndARun) {
  EXPECT_EQ(search_terms("实训，校企 合作。"), (Terms{"实训", "校企", "合作"}));
  // A lone character between separators gives nothing: queries need two.
  EXPECT_EQ(search_terms("由、于"), Terms{});
}

TEST(SearchTerms, EveryTwoCharacterSubstringIsATerm) {
  const std::string text = "学院深化产教融合推动校企合作";
  const Terms terms = search_terms(text);
  // ICU's dictionary splits 校企 and 产教 into single characters; the
  // bigrams still find them, also across ICU's word boundaries (化产).
  for (const char* part : {"产教", "校企", "化产", "合推", "作"}) {
    EXPECT_EQ(has(terms, part), std::string(part) != "作") << part;
  }
  EXPECT_EQ(terms.size(), 13u);
}

TEST(SearchTerms, LatinWordsAndNumbersAreWholeAndFolded) {
  EXPECT_EQ(search_terms("Hello WORLD 2025"), (Terms{"hello", "world", "2025"}));
  EXPECT_EQ(search_terms("don't"), (Terms{"don", "t"}));
  EXPECT_EQ(search_terms("Straße"), (Terms{"strasse"}));
}

TEST(SearchTerms, FullWidthFormsMeetHalfWidth) {
  EXPECT_EQ(normalize_for_search("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(search_terms("ＰＬＣ编程"), search_terms("plc编程"));
  EXPECT_EQ(normalize_for_search("，"), ",");
  EXPECT_EQ(normalize_for_search("①"), "1");
}

TEST(SearchTerms, EdgesBetweenChineseAndWordsAreMarked) {
  EXPECT_EQ(search_terms("5月13日"), (Terms{"5", "<月", "月>", "13", "<日"}));
  EXPECT_EQ(search_terms("汽车2025"), (Terms{"汽车", "车>", "2025"}));
  EXPECT_EQ(search_terms("C语言"), (Terms{"c", "<语", "语言"}));
  // A space between them: no edge term.
  EXPECT_EQ(search_terms("汽车 2025"), (Terms{"汽车", "2025"}));
}

TEST(SearchTerms, QueryTermsAreASubsetOfTheTextsTerms) {
  // What makes recall complete: a query that is a substring of a text (and
  // starts and ends at word edges for Latin words) needs only terms the text
  // has.
  const std::string text = "2025年5月，汽车工程学院举办PLC编程技能竞赛，30名选手参加。";
  const Terms all = search_terms(text);
  for (const char* query : {"年5月", "5月", "汽车工程", "院举办PLC", "PLC编程", "技能竞赛", "30名", "竞赛，30"}) {
    for (const std::string& term : search_terms(query)) EXPECT_TRUE(has(all, term)) << query << ": " << term;
  }
}

TEST(SearchTerms, TextThatNormalisingLeavesAloneIsNotNormalised) {
  std::string buffer;
  for (const char* text : {"产教融合，校企合作。“实训”《方案》——2025年…", "abc 123、【通知】（一）：！？；", "a‐b‗c"}) {
    const std::string_view view = terms_text(text, buffer);
    std::vector<std::string> direct, normalized;
    for_each_search_term(view, [&](std::string_view t) { direct.emplace_back(t); });
    for_each_search_term(normalize_for_search(text), [&](std::string_view t) { normalized.emplace_back(t); });
    EXPECT_EQ(direct, normalized) << text;
  }
  const std::string chinese = "产教融合，校企合作。";
  EXPECT_EQ(terms_text(chinese, buffer).data(), chinese.data());  // the text itself, not a copy
  const std::string upper = "PLC编程";
  EXPECT_EQ(terms_text(upper, buffer), "plc编程");
  EXPECT_EQ(terms_text("ＰＬＣ", buffer), "plc");
  EXPECT_EQ(terms_text("a‗b", buffer), normalize_for_search("a‗b"));
}

TEST(SearchTerms, LongWordsAreLeftOut) {
  EXPECT_EQ(search_terms(std::string(kMaxWordCodePoints, 'a')).size(), 1u);
  EXPECT_EQ(search_terms(std::string(kMaxWordCodePoints + 1, 'a')).size(), 0u);
}

TEST(SearchTerms, IcuFindsLongChineseWords) {
  SearchWordBreaker breaker;
  const Terms words = breaker.words(normalize_for_search("职业教育活动周在学院举行"));
  EXPECT_TRUE(has(words, "职业教育")) << ::testing::PrintToString(words);
  for (const std::string& word : words) EXPECT_GE(word.size(), 9u) << word;  // three CJK characters or more
  EXPECT_EQ(breaker.words("abc 汽车"), Terms{});
}

}  // namespace
}  // namespace zhuanlan
