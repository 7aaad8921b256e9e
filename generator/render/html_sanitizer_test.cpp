#include "render/html_sanitizer.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

TEST(HtmlSanitizer, KeepsWhatCmarkAndFiguresWrite) {
  const std::string body =
      "<h2>标题</h2>\n<p>一段 <em>强调</em> <strong>加粗</strong> <del>删</del> <code>a&lt;b</code> "
      "<a href=\"https://www.example.edu.cn/?a=1&amp;b=2\" title=\"说明\">链接</a> <a href=\"#top\">上</a> "
      "<a href=\"mailto:a@b.cn\">信</a></p>\n"
      "<ul>\n<li>一</li>\n</ul>\n<ol start=\"3\">\n<li>三</li>\n</ol>\n<blockquote>\n<p>引</p>\n</blockquote>\n"
      "<pre><code class=\"language-c\">int a = 1 &lt; 2;\n</code></pre>\n<hr>\n"
      "<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">甲</th>\n</tr>\n</thead>\n"
      "<tbody>\n<tr>\n<td style=\"text-align: right\">1</td>\n</tr>\n</tbody>\n</table>\n"
      "<figure><picture><source type=\"image/webp\" srcset=\"../images/a/480.webp 480w, ../images/a/800.webp 800w\" "
      "sizes=\"100vw\"><img src=\"../images/a/800.jpg\" srcset=\"../images/a/480.jpg 480w\" sizes=\"100vw\" "
      "width=\"800\" height=\"600\" alt=\"图\" loading=\"lazy\" decoding=\"async\"></picture>"
      "<figcaption>说明</figcaption></figure>\n";
  EXPECT_EQ(sanitize_body_html(body), body);
}

TEST(HtmlSanitizer, RemovesScriptsEventHandlersAndScriptUrls) {
  const std::string out = sanitize_body_html(
      "<script>alert(1)</script><p onclick=alert(2) ONMOUSEOVER=alert(3)>文</p>"
      "<a href=\"javascript:alert(4)\">甲</a><a href=\" JaVa&#x09;ScRiPt:alert(5)\">乙</a>"
      "<a href=\"vbscript:x\">丙</a><a href=\"data:text/html,<script>alert(6)</script>\">丁</a>"
      "<img src=x onerror=alert(7)><iframe src=\"https://evil.example\"></iframe>"
      "<svg onload=alert(8)><script>alert(9)</script></svg><math><mi>x</mi></math>"
      "<style>body{display:none}</style><form action=\"https://evil.example\"><input></form>"
      "<object data=\"x.swf\"></object><embed src=\"x.swf\"><base href=\"https://evil.example/\">"
      "<div style=\"background:url(https://evil.example/x.png)\">块</div>"
      "<img src=\"https://evil.example/track.gif\" alt=\"外\"><img src=\"//evil.example/t.gif\" alt=\"外2\">"
      "<source srcset=\"https://evil.example/a.webp 1x\">"
      "<!-- <script>alert(10)</script> --><noscript><p title=\"</noscript><img src=x onerror=alert(11)>\"></p></noscript>");
  for (const char* bad : {"alert", "script", "onclick", "onmouseover", "onerror", "onload", "iframe", "evil.example",
                          "<svg", "<math", "<style", "<form", "<input", "<object", "<embed", "<base", "style=", "<!--"}) {
    EXPECT_EQ(out.find(bad), std::string::npos) << bad << " in " << out;
  }
  EXPECT_NE(out.find("<p>文</p>"), std::string::npos) << out;
  EXPECT_NE(out.find("<a>甲</a><a>乙</a><a>丙</a><a>丁</a>"), std::string::npos) << out;
  EXPECT_NE(out.find("<div>块</div>"), std::string::npos) << out;
  EXPECT_NE(out.find("<img alt=\"外\">"), std::string::npos) << out;
}

TEST(HtmlSanitizer, UnknownTagsGoTheirTextStaysAndBrokenMarkupIsClosed) {
  EXPECT_EQ(sanitize_body_html("<center><font color=red>红字</font></center>"), "红字");
  EXPECT_EQ(sanitize_body_html("<p><b>未闭合"), "<p><b>未闭合</b></p>");
  EXPECT_EQ(sanitize_body_html("<p title='\"><script>x</script>'>q</p>"),
            "<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">q</p>");
  EXPECT_EQ(sanitize_body_html("1 < 2 & 3"), "1 &lt; 2 &amp; 3");
}

}  // namespace
}  // namespace zhuanlan
