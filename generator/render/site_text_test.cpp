#include "render/site_text.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

std::optional<SiteText> load_with(const std::string& strings_json, Diagnostics& diagnostics) {
  testing::TempDir site;
  testing::write_text(site.path() / "layouts/strings.json", strings_json);
  return load_site_text(site.path(), diagnostics);
}

TEST(SiteText, ShippedTextsFillTheirPlaceholders) {
  testing::TempDir site;
  Diagnostics diagnostics;
  auto text = load_site_text(site.path(), diagnostics);
  ASSERT_TRUE(text.has_value());
  EXPECT_TRUE(diagnostics.items.empty());
  EXPECT_EQ(text->get("每日动态.标题"), "每日动态");
  EXPECT_EQ(text->fill("每日动态.分页标题", {{"页码", "3"}}), "每日动态（第3页）");
  // Values go in unescaped: the page template escapes the whole title.
  EXPECT_EQ(text->fill("典型人物.人物标题", {{"姓名", "<张三>"}, {"身份", "R&D"}}), "<张三>（R&D）");
  EXPECT_THROW(text->get("没有这一项"), std::runtime_error);
}

TEST(SiteText, SiteOverridesKeyByKeyAndWarnsAboutUnknownKeys) {
  Diagnostics diagnostics;
  auto text = load_with("{\n  \"每日动态.分页标题\": \"校园新闻 {{页码}}\",\n  \"每日动态.标体\": \"拼错了\"\n}\n",
                        diagnostics);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->fill("每日动态.分页标题", {{"页码", "2"}}), "校园新闻 2");
  EXPECT_EQ(text->get("每日动态.标题"), "每日动态");  // not overridden: the shipped text
  ASSERT_EQ(diagnostics.items.size(), 1u);
  EXPECT_EQ(diagnostics.items[0].severity, Severity::warning);
  EXPECT_EQ(diagnostics.items[0].file, "layouts/strings.json");
  EXPECT_EQ(diagnostics.items[0].line, 3);
  EXPECT_NE(diagnostics.items[0].message.find("每日动态.标体"), std::string::npos);
}

TEST(SiteText, MalformedFileIsAnErrorWithItsLine) {
  Diagnostics diagnostics;
  EXPECT_FALSE(load_with("{\n  \"新闻.署名.文字\": \"撰稿\",\n}\n", diagnostics).has_value());
  ASSERT_EQ(diagnostics.items.size(), 1u);
  EXPECT_EQ(diagnostics.items[0].severity, Severity::error);
  EXPECT_EQ(diagnostics.items[0].file, "layouts/strings.json");
  EXPECT_EQ(diagnostics.items[0].line, 3);
}

TEST(SiteText, NonObjectNonStringAndBadPlaceholdersAreErrors) {
  for (const char* bad : {"[\"每日动态\"]", "{\"每日动态.标题\": 3}", "{\"每日动态.分页标题\": \"第{{页码}页\"}"}) {
    Diagnostics diagnostics;
    EXPECT_FALSE(load_with(bad, diagnostics).has_value()) << bad;
    ASSERT_EQ(diagnostics.error_count(), 1) << bad;
    EXPECT_EQ(diagnostics.items[0].line, 1) << bad;
  }
}

}  // namespace
}  // namespace zhuanlan
