#include "load/markdown.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

RenderedMarkdown render(const std::string& text, bool raw_html = false, Diagnostics* found = nullptr) {
  Diagnostics scratch;
  MarkdownSource source{text, "content/news/x.md", 1, std::filesystem::path("/nonexistent"), "news", "../", raw_html, {}, ""};
  return render_markdown(source, found ? *found : scratch);
}

TEST(Markdown, RendersGfmTablesStrikethroughAndAutolinks) {
  const auto out = render("| 项目 | 人数 |\n|---|---|\n| 竞赛 | 12 |\n\n~~旧~~ 见 https://www.example.edu.cn\n");
  EXPECT_NE(out.html.find("<table>"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<del>旧</del>"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<a href=\"https://www.example.edu.cn\">"), std::string::npos) << out.html;
}

TEST(Markdown, TableColumnAlignmentIsCssNotTheObsoleteAlignAttribute) {
  const auto out = render("| 项目 | 人数 |\n|:---|---:|\n| 竞赛 | 12 |\n");
  EXPECT_NE(out.html.find("<td style=\"text-align: right\">12</td>"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<th style=\"text-align: left\">项目</th>"), std::string::npos) << out.html;
  EXPECT_EQ(out.html.find("align=\""), std::string::npos) << out.html;
}

TEST(Markdown, RawHtmlAndScriptsAreInertByDefault) {
  const auto out = render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
                          "[点我](javascript:alert(1)) <b onmouseover=alert(1)>粗</b>\n");
  EXPECT_EQ(out.html.find("<script"), std::string::npos) << out.html;
  EXPECT_EQ(out.html.find("onerror"), std::string::npos) << out.html;
  EXPECT_EQ(out.html.find("onmouseover"), std::string::npos) << out.html;
  EXPECT_EQ(out.html.find("javascript:"), std::string::npos) << out.html;
}

TEST(Markdown, RawHtmlWhenTheSiteOptsInStillFiltersDangerousTags) {
  const auto out = render("<div class=\"note\">提示</div>\n\n<script>alert(1)</script>\n", true);
  EXPECT_NE(out.html.find("<div class=\"note\">提示</div>"), std::string::npos) << out.html;
  EXPECT_EQ(out.html.find("<script>"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("&lt;script"), std::string::npos) << out.html;  // shown as text
}

TEST(Markdown, ImageCaptionsAreEscaped) {
  testing::TempDir dir;
  testing::write_image(dir.path() / "images/a.jpg");
  Diagnostics found;
  MarkdownSource source{"![\"><script>x</script>](images/a.jpg \"<b onclick=x>说明</b>\")\n", "content/news/x.md", 1,
                        dir.path(), "news", "../", false, {}, ""};
  const auto out = render_markdown(source, found);
  EXPECT_FALSE(found.has_errors());
  EXPECT_EQ(out.html.find("<script"), std::string::npos) << out.html;
  EXPECT_EQ(out.html.find("<b "), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("&lt;b onclick=x&gt;说明&lt;/b&gt;"), std::string::npos) << out.html;
}

TEST(Markdown, PlainTextLeavesOutMarkupAndAltText) {
  const auto out = render("## 小标题\n\n正文**加粗**，[链接](https://example.com)。\n\n- 一\n- 二\n");
  EXPECT_NE(out.plain_text.find("小标题"), std::string::npos);
  EXPECT_NE(out.plain_text.find("正文加粗，链接。"), std::string::npos) << out.plain_text;
  EXPECT_EQ(out.plain_text.find("**"), std::string::npos);
}

TEST(Markdown, PlainTextKeepsTableCellsApart) {
  const auto out = render("| 日期 | 主题日 |\n|---|---|\n| 5月11日 | 研讨日 |\n");
  EXPECT_NE(out.plain_text.find("日期 主题日"), std::string::npos) << out.plain_text;
  EXPECT_NE(out.plain_text.find("5月11日 研讨日"), std::string::npos) << out.plain_text;
}

TEST(Markdown, AJavascriptLinkIsNeverPublishedWithOrWithoutRawHtml) {
  // cmark's safe mode (raw HTML off) blanks javascript:, vbscript:, file:
  // and data: URLs; with raw HTML on cmark keeps them and the sanitiser
  // drops them.
  for (const bool raw_html : {false, true}) {
    const auto out = render("[点我](javascript:alert(1)) [二](JavaScript:alert(2))\n"
                            "![图](javascript:alert(4))\n\n[好](https://www.example.edu.cn/a) [内](../news/b.html)\n",
                            raw_html);
    EXPECT_EQ(out.html.find("href=\"javascript"), std::string::npos) << raw_html << out.html;
    EXPECT_EQ(out.html.find("href=\"JavaScript"), std::string::npos) << raw_html << out.html;
    EXPECT_EQ(out.html.find("src=\"javascript"), std::string::npos) << raw_html << out.html;
    EXPECT_NE(out.html.find("<a href=\"https://www.example.edu.cn/a\">好</a>"), std::string::npos) << out.html;
    EXPECT_NE(out.html.find("<a href=\"../news/b.html\">内</a>"), std::string::npos) << out.html;
  }
}

TEST(Markdown, RawHtmlKeepsFormattingButNotEventHandlersOrScriptUrls) {
  const auto out = render("<p onclick=\"alert(1)\" class=\"note\">提示 <b onmouseover=alert(2)>粗</b></p>\n\n"
                          "<a href=\"javascript:alert(3)\">链</a> <img src=x onerror=alert(4) alt=\"图\">\n\n"
                          "| 甲 | 乙 |\n|:--|--:|\n| 1 | 2 |\n",
                          true);
  EXPECT_EQ(out.html.find("alert"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<p class=\"note\">提示 <b>粗</b></p>"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<a>链</a>"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<img src=\"x\" alt=\"图\">"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<td style=\"text-align: right\">2</td>"), std::string::npos) << out.html;
}

}  // namespace
}  // namespace zhuanlan
