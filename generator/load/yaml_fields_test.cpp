#include "load/yaml_fields.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

// Front matter as it sits in a file whose YAML starts on line 2.
struct Parsed {
  Diagnostics found;
  std::optional<YamlFields> fields;

  explicit Parsed(std::string_view yaml) {
    if (auto document = parse_front_matter_yaml(yaml, "content/news/a.md", 2, found)) {
      fields.emplace(std::move(*document), "content/news/a.md", 2, found);
    }
  }

  const Diagnostic* find(const std::string& needle) const {
    for (const auto& d : found.items) {
      if (d.message.find(needle) != std::string::npos) return &d;
    }
    return nullptr;
  }
};

TEST(YamlFields, ValuesAndTheirFileLines) {
  Parsed p("title: 技能大赛\nsummary: |\n  第一行\n  第二行\ntags:\n  - 技能竞赛\n  - \"产教融合\"\norder: 0x10\ntop: Yes\n");
  ASSERT_TRUE(p.fields);
  EXPECT_EQ(p.fields->text("title", true, "标题"), "技能大赛");
  EXPECT_EQ(p.fields->line_of("title"), 2);
  EXPECT_EQ(p.fields->text("summary", false, "摘要"), "第一行\n第二行\n");
  EXPECT_EQ(p.fields->text_list("tags"), (std::vector<std::string>{"技能竞赛", "产教融合"}));
  EXPECT_EQ(p.fields->integer("order"), 16);  // as yaml-cpp read it: 0x hex
  EXPECT_TRUE(p.fields->boolean("top", false));
  EXPECT_EQ(p.fields->line_of("top"), 10);
  EXPECT_EQ(p.fields->line_of("missing"), 1);  // the opening fence
  EXPECT_TRUE(p.found.items.empty());
}

TEST(YamlFields, NullWordsAreEmptyButQuotedOnesAreText) {
  Parsed p("a: ~\nb: null\nc: \"null\"\nd:\ne: 'true'\nf: TrUe\n");
  ASSERT_TRUE(p.fields);
  EXPECT_FALSE(p.fields->has("a"));
  EXPECT_FALSE(p.fields->has("b"));
  EXPECT_EQ(p.fields->text("c", false, ""), "null");
  EXPECT_FALSE(p.fields->text("d", false, ""));
  EXPECT_EQ(p.fields->line_of("d"), 5);  // an empty value is placed on its key's line
  EXPECT_TRUE(p.fields->boolean("e", false));
  EXPECT_FALSE(p.fields->boolean("f", false));  // mixed case is not a boolean
  const Diagnostic* bad = p.find("字段 f 只能写 true 或 false");
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->line, 7);
}

TEST(YamlFields, AKeyWrittenTwiceIsAWarningWithBothLinesAndTheFirstWins) {
  Parsed p("title: 第一个\ndate: 2025-05-13\ntitle: 第二个\n");
  ASSERT_TRUE(p.fields);
  EXPECT_EQ(p.fields->text("title", true, "标题"), "第一个");
  const Diagnostic* twice = p.find("字段 title 写了两次（第 2 行和第 4 行）");
  ASSERT_NE(twice, nullptr);
  EXPECT_EQ(twice->severity, Severity::warning);
  EXPECT_EQ(twice->line, 4);
  EXPECT_EQ(twice->file, "content/news/a.md");
}

TEST(YamlFields, ControlCharactersFromEscapesAreRefusedWithTheirLine) {
  Parsed p("title: \"标题\\0\"\nauthor: \"某\\x07\"\ntags: [甲, \"乙\\x85\"]\neditor: \"制表\\t符\"\nreviewer: \"\\r\"\n");
  ASSERT_TRUE(p.fields);
  EXPECT_FALSE(p.fields->text("title", true, "标题"));
  EXPECT_FALSE(p.fields->text("author", false, "作者"));
  EXPECT_EQ(p.fields->text_list("tags"), (std::vector<std::string>{"甲"}));
  EXPECT_EQ(p.fields->text("editor", false, "编辑"), "制表\t符");  // a tab is only a space
  EXPECT_FALSE(p.fields->text("reviewer", false, "审核"));
  std::vector<std::pair<std::string, int>> refused;
  for (const auto& d : p.found.items) {
    if (d.message.find("控制字符") != std::string::npos) refused.emplace_back(d.message.substr(0, d.message.find(' ', 7)), d.line);
    EXPECT_EQ(d.severity, Severity::error) << d.message;
    EXPECT_EQ(d.message.find("缺少必填字段"), std::string::npos) << d.message;
  }
  EXPECT_EQ(refused, (std::vector<std::pair<std::string, int>>{
                         {"字段 title", 2}, {"字段 author", 3}, {"字段 tags", 4}, {"字段 reviewer", 6}}));
}

TEST(YamlFields, CrlfAndCrLineEndingsGiveTheSameValuesAndLines) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    Parsed p("title: 标题" + eol + "summary: >" + eol + "  折叠的" + eol + "  摘要" + eol + "tags:" + eol + "  - 甲" + eol +
             "titel: 错字" + eol);
    ASSERT_TRUE(p.fields);
    EXPECT_EQ(p.fields->text("title", true, ""), "标题");
    EXPECT_EQ(p.fields->text("summary", false, ""), "折叠的 摘要\n");
    EXPECT_EQ(p.fields->text_list("tags"), (std::vector<std::string>{"甲"}));
    p.fields->warn_unknown_keys();
    const Diagnostic* unknown = p.find("不认识的字段 titel");
    ASSERT_NE(unknown, nullptr);
    EXPECT_EQ(unknown->line, 8);
  }
}

TEST(YamlFields, SyntaxErrorsNameTheirFileLine) {
  for (const std::string eol : {"\n", "\r\n", "\r"}) {
    Parsed p("title: 标题" + eol + "date: 2025-05-13" + eol + "tags: [a, b" + eol + "department: 教务处" + eol);
    EXPECT_FALSE(p.fields);
    const Diagnostic* bad = p.find("不是有效的 YAML");
    ASSERT_NE(bad, nullptr);
    EXPECT_GE(bad->line, 4);
    EXPECT_LE(bad->line, 6);
  }
  Parsed alias("title: *nowhere\n");
  EXPECT_FALSE(alias.fields);
  ASSERT_NE(alias.find("不是有效的 YAML"), nullptr);
  EXPECT_EQ(alias.find("不是有效的 YAML")->line, 2);
  Parsed list("- a\n- b\n");
  EXPECT_FALSE(list.fields);
  EXPECT_NE(list.find("字段: 值"), nullptr);
}

TEST(YamlFields, AliasesShareTheirAnchorsNode) {
  Parsed p("author: &who 张三\nphotographer: *who\ntags: &t [甲, 乙]\nextra: *t\n");
  ASSERT_TRUE(p.fields);
  EXPECT_EQ(p.fields->text("photographer", false, ""), "张三");
  EXPECT_EQ(p.fields->text_list("extra"), (std::vector<std::string>{"甲", "乙"}));
}

TEST(YamlFields, EmptyFrontMatterIsAnEmptyMap) {
  for (const std::string_view yaml : {"", "\n", "# 只有注释\n", "~\n"}) {
    Parsed p(yaml);
    ASSERT_TRUE(p.fields) << yaml;
    EXPECT_FALSE(p.fields->has("title"));
    EXPECT_TRUE(p.found.items.empty());
  }
}

}  // namespace
}  // namespace zhuanlan
