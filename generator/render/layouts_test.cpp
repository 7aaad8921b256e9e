#include "render/layouts.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

// One escaper for the whole program: a template's {{value}} must give byte
// for byte what html_escape gives in C++ (image tags, captions), for every
// character HTML gives meaning to.
TEST(Layouts, TemplatesEscapeExactlyAsHtmlEscape) {
  testing::TempDir site;
  testing::write_text(site.path() / "layouts/probe.mustache", "<p title=\"{{x}}\">{{x}}|{{{x}}}</p>");
  Diagnostics diagnostics;
  auto layouts = load_layouts(site.path(), diagnostics);
  ASSERT_TRUE(layouts.has_value());
  for (const char* value : {"<script>alert('x')</script>", "\" onmouseover=\"alert(1)", "' onerror='x", "&amp;&&lt;",
                            "技能 & 成才 <b>", "", "纯文字", "<<>>\"\"''&&"}) {
    kainjow::mustache::data d;
    d.set("x", value);
    const std::string escaped = html_escape(value);
    EXPECT_EQ(layouts->get("probe").render(d), "<p title=\"" + escaped + "\">" + escaped + "|" + value + "</p>") << value;
  }
  kainjow::mustache::data d;
  d.set("x", "<'\">&");
  EXPECT_EQ(layouts->get("probe").render(d), "<p title=\"&lt;&#39;&quot;&gt;&amp;\">&lt;&#39;&quot;&gt;&amp;|<'\">&</p>");
}

// Feeds use xml_escape: the same entities, so a title reads the same in a
// page and in feed.xml.
TEST(Layouts, XmlEscapeMatchesHtmlEscapeApartFromControlCharacters) {
  const std::string hostile = "<a href=\"x\" title='y'>&amp;</a>";
  EXPECT_EQ(xml_escape(hostile), html_escape(hostile));
}

TEST(Layouts, SiteTextsAreLoadedWithTheTemplates) {
  testing::TempDir site;
  testing::write_text(site.path() / "layouts/strings.json", "{\"新闻.署名.文字\": \"撰稿\"}");
  Diagnostics diagnostics;
  auto layouts = load_layouts(site.path(), diagnostics);
  ASSERT_TRUE(layouts.has_value());
  EXPECT_EQ(layouts->text.get("新闻.署名.文字"), "撰稿");
  EXPECT_EQ(layouts->text.get("新闻.署名.摄影"), "摄影");
}

}  // namespace
}  // namespace zhuanlan
