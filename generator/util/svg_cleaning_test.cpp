#include "util/svg_cleaning.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

constexpr const char* kOpen =
    R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">)";

std::string clean(const std::string& svg) {
  SvgProblem problem;
  const auto cleaned = clean_svg(svg, &problem);
  EXPECT_TRUE(cleaned) << problem.line << " " << problem.detail;
  return cleaned.value_or("");
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

void expect_absent(const std::string& cleaned, std::initializer_list<const char*> words) {
  const std::string folded = lower(cleaned);
  for (const char* word : words) EXPECT_EQ(folded.find(lower(word)), std::string::npos) << word << " in\n" << cleaned;
}

TEST(SvgCleaning, KeepsTheDrawingAsWritten) {
  const std::string svg = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + kOpen +
                          "\n<title>校园示意图</title>\n<!-- 图层 1 -->\n"
                          "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fff\"/></linearGradient>"
                          "<style>.a{fill:url(#g)} .b{font-family:'\\5FAE\\8F6F\\96C5\\9ED1'}</style></defs>\n"
                          "<path class=\"a\" d=\"M0 0H100V50z\" fill=\"url(#g)\" style=\"stroke: #333\"/>\n"
                          "<use xlink:href=\"#g\" href=\" #g\"/>\n"
                          "<image width=\"1\" height=\"1\" href=\"data:image/png;base64,iVBORw0KGgo=\"/>\n"
                          "<text x=\"10\" y=\"20\" class=\"b\">图书馆 &amp; 实训楼</text>\n</svg>\n";
  const std::string cleaned = clean(svg);
  EXPECT_EQ(cleaned, svg);  // nothing to remove: the same bytes come out
}

TEST(SvgCleaning, RemovesScriptsForeignObjectsAndEventAttributes) {
  const std::string cleaned = clean(
      std::string(kOpen) + R"svg(<script>alert(1)</script><SCRIPT type="text/javascript">alert(2)</SCRIPT>
<script xlink:href="https://evil.example/a.js"/>
<g onload="alert(3)" ONCLICK="alert(4)" fill="red"><rect width="5" height="5" onmouseover="alert(5)"/></g>
<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(6)"/></body></foreignObject>
<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(7)</html:script>
<handler type="application/ecmascript">alert(8)</handler>
<iframe src="https://evil.example/"/><embed src="https://evil.example/"/>
<set attributeName="onmouseover" to="alert(9)"/>
</svg>)svg");
  expect_absent(cleaned, {"script", "alert", "onload", "onclick", "onmouseover", "foreignObject", "onerror", "handler",
                          "iframe", "embed", "evil"});
  EXPECT_NE(cleaned.find(R"(<g fill="red"><rect width="5" height="5"/></g>)"), std::string::npos) << cleaned;
}

TEST(SvgCleaning, RemovesReferencesToAnythingOutsideTheDrawing) {
  const std::string cleaned = clean(std::string(kOpen) + R"svg(
<a xlink:href="javascript:alert(1)"><text>甲</text></a>
<a href="java&#9;script:alert(2)"><text>乙</text></a>
<a href="https://evil.example/"><text>丙</text></a>
<use xlink:href="https://evil.example/sprite.svg#icon"/>
<use href="other.svg#icon"/>
<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>
<image xlink:href="data:text/html,hello"/>
<a><set attributeName="href" to="javascript:alert(3)"/><animate attributeName="xlink:href" values="javascript:alert(4)"/></a>
<g xml:base="https://evil.example/"><rect width="1" height="1"/></g>
</svg>)svg");
  expect_absent(cleaned, {"javascript", "script", "evil", "other.svg", "data:", "href", "xml:base", "<set", "<animate"});
  for (const char* kept : {"<text>甲</text>", "<text>乙</text>", "<text>丙</text>", "<rect width=\"1\" height=\"1\"/>"}) {
    EXPECT_NE(cleaned.find(kept), std::string::npos) << kept << " in\n" << cleaned;
  }
}

TEST(SvgCleaning, StylesLoadNothingFromElsewhere) {
  const std::string cleaned = clean(std::string(kOpen) + R"svg(<style>@import url(https://evil.example/a.css);
@IMPORT "https://evil.example/b.css";
.a { fill: URL( "https://evil.example/p.svg#g" ); stroke: url(#local) }
.b { background: image-set("https://evil.example/i.png" 1x) }
</style>
<rect class="a" style="fill:url('http://evil.example/x'); stroke:blue" filter="url(https://evil.example/f.svg#f)"/>
<rect style="fill:\75rl(https://evil.example/y)"/>
</svg>)svg");
  expect_absent(cleaned, {"evil", "@import", "image-set", "filter", "\\75"});
  EXPECT_NE(cleaned.find(".a { fill: none; stroke: url(#local) }"), std::string::npos) << cleaned;
  EXPECT_NE(cleaned.find(R"(<rect class="a" style="fill:none; stroke:blue"/>)"), std::string::npos) << cleaned;
  EXPECT_NE(cleaned.find("<rect/>"), std::string::npos) << cleaned;  // the escaped style is dropped whole
}

TEST(SvgCleaning, NeverLoadsOrExpandsEntities) {
  testing::TempDir dir;
  const auto secret = dir.path() / "secret.txt";
  testing::write_text(secret, "TOP-SECRET-42");
  const std::string xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY xxe SYSTEM \"file://" + secret.string() +
                          "\">\n<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">\n<!ENTITY js \"javascript:alert(1)\">\n]>\n" +
                          kOpen + "<text>&xxe;&net;</text><a href=\"&js;\"><text>链接</text></a></svg>";
  const std::string cleaned = clean(xxe);
  expect_absent(cleaned, {"TOP-SECRET", "DOCTYPE", "ENTITY", "&xxe;", "&net;", "javascript", "href"});
  EXPECT_NE(cleaned.find("<text/>"), std::string::npos) << cleaned;
  EXPECT_NE(cleaned.find("<text>链接</text>"), std::string::npos) << cleaned;

  // A billion laughs: refused by libxml2's amplification limit or left
  // unexpanded, never blown up.
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY l0 \"lollollollollollollollollollol\">\n";
  for (int i = 1; i <= 9; ++i) {
    bomb += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) bomb += "&l" + std::to_string(i - 1) + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n" + std::string(kOpen) + "<text>&l9;</text></svg>";
  SvgProblem problem;
  const auto exploded = clean_svg(bomb, &problem);
  if (exploded) {
    EXPECT_LT(exploded->size(), 1000u);
    EXPECT_EQ(exploded->find("lol"), std::string::npos);
  }
}

TEST(SvgCleaning, DropsTheDoctypeAndProcessingInstructionsWithoutFetchingThem) {
  const std::string cleaned = clean(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet href=\"https://evil.example/s.css\"?>\n"
      "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" +
      std::string(kOpen) + "<?php echo 1; ?><rect width=\"1\" height=\"1\"/></svg>");
  expect_absent(cleaned, {"xml-stylesheet", "evil", "DOCTYPE", "svg11.dtd", "php"});
  EXPECT_NE(cleaned.find("<rect width=\"1\" height=\"1\"/>"), std::string::npos) << cleaned;
}

TEST(SvgCleaning, TheSameInputGivesTheSameBytesAndCleaningAgainChangesNothing) {
  // The second found by fuzz/svg_fuzz: a style emptied whole came out as
  // <style></style> and the next pass wrote <style/>.
  for (const std::string body : {"<script>alert(1)</script><g onload=\"x()\"><path d=\"M0 0\"/></g>",
                                 "<style><![CDATA[.b{font-family:'\\\\8F6F'}]]></style><rect/>"}) {
    const std::string hostile = std::string(kOpen) + body + "</svg>";
    const std::string once = clean(hostile);
    EXPECT_EQ(clean(hostile), once);
    EXPECT_EQ(clean(once), once);
  }
}

TEST(SvgCleaning, MalformedXmlIsAProblemWithItsLine) {
  SvgProblem problem;
  EXPECT_FALSE(clean_svg(std::string(kOpen) + "\n<g>\n<rect width=\"1\">\n</g>\n</svg>\n", &problem));
  EXPECT_EQ(problem.line, 4);
  EXPECT_NE(problem.detail.find("不是格式正确的 SVG 文件（技术信息：Opening and ending tag mismatch"), std::string::npos) << problem.detail;
  EXPECT_NE(problem.detail.find("请用绘图软件重新导出为 SVG"), std::string::npos) << problem.detail;

  EXPECT_FALSE(clean_svg("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<use xlink:href=\"#a\"/></svg>", &problem));
  EXPECT_EQ(problem.line, 2);  // a prefix never declared: browsers refuse the file

  EXPECT_FALSE(clean_svg("<html><body/></html>", &problem));
  EXPECT_NE(problem.detail.find("最外层的元素是 <html>，应当是 <svg>"), std::string::npos) << problem.detail;
  EXPECT_FALSE(clean_svg("", &problem));
}

}  // namespace
}  // namespace zhuanlan
