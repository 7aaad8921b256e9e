// Parsing (load/markdown.h) and the render step (render/markdown_html.h)
// together: render/ cannot make a MarkdownDocument without the parser.
#include "load/markdown.h"

#include <gtest/gtest.h>

#include "render/internal_links.h"
#include "render/markdown_html.h"
#include "test_support.h"

namespace zhuanlan {
namespace {

std::string render_markdown_html_of(const MarkdownSource& source, const LoadContext& context, Diagnostics& found,
                                    std::string_view page, bool image_above = false) {
  const auto document = parse_markdown(source, context, found);
  return markdown_html(*document, {page, image_above});
}

struct Rendered {
  std::string html;
  std::string plain_text;
};

Rendered render(const std::string& text, bool raw_html = false, Diagnostics* found = nullptr) {
  Diagnostics scratch;
  const testing::TestLoad load("/nonexistent", raw_html);
  const auto document = parse_markdown({text, "content/news/x.md", 1, "news"}, load.context, found ? *found : scratch);
  return {markdown_html(*document, {"news/x.html"}), document->plain_text};
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
  testing::write_image(dir.path() / "content/images/a.jpg");
  const testing::TestLoad load(dir.path());
  Diagnostics found;
  const MarkdownSource source{"![\"><script>x</script>](images/a.jpg \"<b onclick=x>说明</b>\")\n", "content/news/x.md", 1,
                              "news"};
  const auto out = render_markdown_html_of(source, load.context, found, "news/x.html");
  EXPECT_FALSE(found.has_errors());
  EXPECT_EQ(out.find("<script"), std::string::npos) << out;
  EXPECT_EQ(out.find("<b "), std::string::npos) << out;
  EXPECT_NE(out.find("&lt;b onclick=x&gt;说明&lt;/b&gt;"), std::string::npos) << out;
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

TEST(MarkdownHtml, ImagesAndFiguresUseThePrefixOfThePageThatShowsThem) {
  testing::TempDir dir;
  testing::write_photo(dir.path() / "content/images/a.jpg", {800, 600, 1, false});
  const testing::TestLoad load(dir.path());
  Diagnostics found;
  const auto document =
      parse_markdown({"![甲](images/a.jpg \"一\")\n\n行内 ![乙](images/a.jpg) 图。\n", "content/news/x.md", 1, "news"},
                     load.context, found);
  EXPECT_FALSE(found.has_errors());
  ASSERT_EQ(document->images.size(), 2u);
  const std::string top = markdown_html(*document, {"index.html"});
  const std::string one = markdown_html(*document, {"news/x.html"});
  const std::string two = markdown_html(*document, {"exhibition/departments/x.html"});
  EXPECT_NE(top.find("src=\"images/a.jpg\""), std::string::npos) << top;
  EXPECT_EQ(top.find("../"), std::string::npos) << top;
  EXPECT_NE(one.find("<figure><picture>"), std::string::npos) << one;
  EXPECT_NE(one.find("<img src=\"../images/a.jpg\" alt=\"乙\""), std::string::npos) << one;  // inline image
  EXPECT_NE(two.find("src=\"../../images/a.jpg\""), std::string::npos) << two;
  EXPECT_NE(two.find("<figcaption>一</figcaption>"), std::string::npos) << two;
  // Rendering again for another page gives the same bytes: nothing of the
  // first render stays in the tree.
  EXPECT_EQ(markdown_html(*document, {"news/x.html"}), one);
}

TEST(MarkdownHtml, TheFirstFigureIsLazyOnlyBelowAnImageAbove) {
  testing::TempDir dir;
  testing::write_photo(dir.path() / "content/images/a.jpg", {800, 600, 1, false});
  testing::write_photo(dir.path() / "content/images/b.jpg", {800, 600, 1, false});
  const testing::TestLoad load(dir.path());
  Diagnostics found;
  const auto document = parse_markdown(
      {"![甲](images/a.jpg \"一\")\n\n正文。\n\n![乙](images/b.jpg \"二\")\n", "content/news/x.md", 1, "news"}, load.context,
      found);
  EXPECT_FALSE(found.has_errors());
  const std::string plain = markdown_html(*document, {"news/x.html"});
  EXPECT_EQ(plain.find("loading=\"lazy\""), plain.rfind("loading=\"lazy\""));  // only the second
  EXPECT_LT(plain.find("images/a.jpg\" srcset"), plain.find("loading=\"lazy\""));
  EXPECT_NE(plain.find("width=\"800\" height=\"600\""), std::string::npos);
  const std::string below_cover = markdown_html(*document, {"news/x.html", true});
  EXPECT_NE(below_cover.find("loading=\"lazy\""), below_cover.rfind("loading=\"lazy\""));
}

TEST(MarkdownHtml, HeadingsGetStableIdsFromTheirText) {
  const auto out = render("## 活动 安排\n\n正文\n\n## 活动 安排\n\n### a & \"y\"\n");
  EXPECT_NE(out.html.find("<h2 id=\"活动-安排\">"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<h2 id=\"活动-安排-2\">"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("<h3 id=\"a-&amp;-&quot;y&quot;\">"), std::string::npos) << out.html;
  EXPECT_NE(out.html.find("</h3>"), std::string::npos) << out.html;
  EXPECT_NE(out.plain_text.find("活动 安排"), std::string::npos) << out.plain_text;
}

TEST(MarkdownDocument, KeepsLinksWithTheirLines) {
  Diagnostics found;
  const testing::TestLoad load("/nonexistent");
  const auto document = parse_markdown(
      {"第一段\n\n见 [关于](../pages/about.md)\n\n[外](https://example.com)\n", "content/news/x.md", 5, "news"}, load.context,
      found);
  ASSERT_EQ(document->links.size(), 2u);
  EXPECT_EQ(document->links[0].url, "../pages/about.md");
  EXPECT_EQ(document->links[0].line, 7);
  EXPECT_EQ(document->links[1].line, 9);
}

// A model with two news items and a page whose bodies link to each other.
struct LinkedSite {
  SiteModel model;
  SitePages pages;
  Diagnostics found;

  explicit LinkedSite(const std::string& news_body) {
    const testing::TestLoad load("/nonexistent");
    const auto parse = [&](const std::string& text, const std::string& file, const std::string& dir) {
      return parse_markdown({text, file, 3, dir}, load.context, found);
    };
    NewsItem a;
    a.source = "content/news/2025-05-13/a.md";
    a.url = "news/a.html";
    a.body = parse(news_body, a.source, "news/2025-05-13");
    NewsItem b;
    b.source = "content/news/2025-05-14/b.md";
    b.url = "news/b.html";
    b.body = parse("## 比赛结果\n\n正文\n", b.source, "news/2025-05-14");
    model.news = {a, b};
    FreePage about;
    about.source = "content/pages/about.md";
    about.url = "pages/about.html";
    about.body = parse("关于\n", about.source, "pages");
    model.pages = {about};
    pages = site_pages(model, {"index.html", "news/index.html", "news/a.html", "news/b.html", "pages/about.html"});
    check_internal_links(model, pages, found);
  }
  std::string html() const { return markdown_html(*model.news[0].body, {"news/a.html", false, &pages}); }
};

TEST(InternalLinks, LinksToContentFilesBecomeThePagesUrl) {
  const LinkedSite site("[乙](news/2025-05-14/b.md#比赛结果) [关于](../../pages/about.md) [本页](#x) "
                        "[列表](../news/) [首页](../index.html) [外站](https://example.com/a.md) [信](mailto:a@b.cn) "
                        "[文件](../files/plan.pdf)\n\n## x\n");
  EXPECT_TRUE(site.found.items.empty()) << site.found.items.front().message;
  const std::string html = site.html();
  EXPECT_NE(html.find("href=\"../news/b.html#%E6%AF%94%E8%B5%9B%E7%BB%93%E6%9E%9C\""), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"../pages/about.html\""), std::string::npos) << html;
  EXPECT_NE(html.find("href=\"https://example.com/a.md\""), std::string::npos) << html;  // other sites: as written
  EXPECT_NE(html.find("href=\"../news/\""), std::string::npos) << html;
}

TEST(InternalLinks, ABrokenLinkIsAnErrorWithFileLineAndSuggestion) {
  const LinkedSite site("正文\n\n[乙](../news/bb.html) [丙](news/2025-05-14/c.md)\n\n[结果](news/2025-05-14/b.md#比赛)\n");
  const auto& all = site.found.items;
  ASSERT_EQ(all.size(), 3u);
  for (const auto& d : all) {
    EXPECT_EQ(d.file, "content/news/2025-05-13/a.md");
    EXPECT_EQ(d.severity, Severity::error);
  }
  EXPECT_EQ(all[0].line, 5);
  EXPECT_NE(all[0].message.find("本站没有这个页面"), std::string::npos) << all[0].message;
  EXPECT_NE(all[0].message.find("是不是“news/b.html”"), std::string::npos) << all[0].message;
  EXPECT_NE(all[1].message.find("content/news/2025-05-14/c.md"), std::string::npos) << all[1].message;
  EXPECT_NE(all[1].message.find("是不是“news/2025-05-14/b.md”"), std::string::npos) << all[1].message;
  EXPECT_EQ(all[2].line, 7);
  EXPECT_NE(all[2].message.find("#比赛结果"), std::string::npos) << all[2].message;  // the headings it has
}

}  // namespace
}  // namespace zhuanlan
