#include "load/json_document.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

bool has_message(const Diagnostics& d, Severity severity, int line, const std::string& part) {
  for (const auto& item : d.items) {
    if (item.severity == severity && item.line == line && item.message.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(JsonDocument, NumberOutOfRangeIsAnErrorWithLine) {
  Diagnostics d;
  const auto doc = parse_json_document("{\n  \"a\": 1,\n  \"b\": 1e400\n}\n", "content/site.json", d);
  EXPECT_FALSE(doc);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_TRUE(has_message(d, Severity::error, 3, "数字太大")) << d.items[0].message;
  EXPECT_EQ(d.items[0].file, "content/site.json");
}

TEST(JsonDocument, IntegerBeyondLongLongIsAnError) {
  Diagnostics d;
  const auto doc = parse_json_document("{\n\"n\": 18446744073709551615}", "x.json", d);
  ASSERT_TRUE(doc);
  JsonFields fields(*doc, "", "x.json", d);
  EXPECT_FALSE(fields.integer("n", "人数"));
  EXPECT_TRUE(has_message(d, Severity::error, 2, "太大"));
}

std::string nested(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"a\":\n";
  text += "1";
  for (int i = 0; i < depth; ++i) text += "}";
  return text;
}

TEST(JsonDocument, NestingDeeperThanTheLimitIsRefusedWithItsLine) {
  Diagnostics d;
  EXPECT_FALSE(parse_json_document(nested(50000), "deep.json", d));
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_TRUE(has_message(d, Severity::error, kMaxJsonDepth + 1, "嵌套太深")) << d.items[0].line;
}

TEST(JsonDocument, NestingAtTheLimitKeepsLinesOfNestedValues) {
  Diagnostics d;
  const auto doc = parse_json_document(nested(kMaxJsonDepth), "deep.json", d);
  ASSERT_TRUE(doc);
  EXPECT_EQ(d.error_count(), 0);
  std::string pointer;
  for (int i = 0; i < kMaxJsonDepth; ++i) pointer += "/a";
  EXPECT_EQ(doc->line_of(pointer), kMaxJsonDepth);
  EXPECT_EQ(doc->line_of("/a/a/a"), 3);
  EXPECT_EQ(doc->line_of("/a/a/a/missing"), 3);  // nearest parent
}

TEST(JsonDocument, LargeFlatDocumentHasOneNodePerValue) {
  std::string text = "{\"list\": [\n";
  const int count = 50000;
  for (int i = 0; i < count; ++i) text += std::string(i ? ",\n" : "") + "{\"title\": \"x\"}";
  text += "]}";
  Diagnostics d;
  const auto doc = parse_json_document(text, "big.json", d);
  ASSERT_TRUE(doc);
  // list, each element and its title: the tree grows with the text, not faster.
  EXPECT_EQ(doc->node_lines.size(), 1u + 1u + 2u * count);
  EXPECT_EQ(doc->line_of("/list/49999/title"), 50001);
}

TEST(JsonDocument, DuplicateKeysWarnWithBothLinesAndTheLastCounts) {
  Diagnostics d;
  const auto doc = parse_json_document("{\n\"title\": \"甲\",\n\"o\": {\"x\": 1},\n\"title\": \"乙\",\n\"o\": {\"x\": 2}\n}",
                                       "a.json", d);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->value["title"], "乙");
  EXPECT_EQ(doc->line_of("/title"), 4);
  EXPECT_EQ(d.warning_count(), 2);  // title and o, not o's member x
  EXPECT_TRUE(has_message(d, Severity::warning, 4, "第 2 行和第 4 行"));
  EXPECT_TRUE(has_message(d, Severity::warning, 5, "第 3 行和第 5 行"));
}

TEST(JsonDocument, ControlCharactersInTextAreRefused) {
  Diagnostics d;
  const auto doc =
      parse_json_document("{\n\"title\": \"a\\u0000b\",\n\"names\": [\"x\\u001b\"],\n\"body\": \"a\\tb\\nc\"}", "a.json", d);
  ASSERT_TRUE(doc);
  JsonFields fields(*doc, "", "a.json", d);
  EXPECT_FALSE(fields.text("title", true, "标题"));
  EXPECT_TRUE(has_message(d, Severity::error, 2, "\\u0000"));
  EXPECT_TRUE(fields.text_list("names", "名单").empty());
  EXPECT_TRUE(has_message(d, Severity::error, 3, "\\u001B"));
  EXPECT_EQ(fields.text("body", false, "正文"), "a\tb\nc");
  EXPECT_EQ(d.error_count(), 2);
}

TEST(JsonDocument, LineEndingsAndByteOrderMark) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    Diagnostics d;
    const std::string text = "\xEF\xBB\xBF{" + eol + "\"a\": 1," + eol + eol + "\"b\": [" + eol + "2," + eol + "3]}";
    const auto doc = parse_json_document(text, "a.json", d);
    ASSERT_TRUE(doc) << eol.size();
    EXPECT_EQ(doc->line_of("/a"), 2);
    EXPECT_EQ(doc->line_of("/b"), 4);
    EXPECT_EQ(doc->line_of("/b/1"), 6);
    Diagnostics bad;
    EXPECT_FALSE(parse_json_document("\xEF\xBB\xBF{" + eol + "\"a\": 1," + eol + "}", "a.json", bad));
    ASSERT_EQ(bad.error_count(), 1);
    EXPECT_EQ(bad.items[0].line, 3) << eol.size();
  }
}

}  // namespace
}  // namespace zhuanlan
