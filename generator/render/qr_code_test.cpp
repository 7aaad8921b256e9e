#include "render/qr_code.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

TEST(QrCode, DecodesBackToTheUrl) {
  testing::TempDir dir;
  const std::vector<std::string> urls = {
      "https://www.example.edu.cn/zjz2025/exhibition/2024-06-1a2b3c4d.html",
      "https://www.example.edu.cn/zjz2025/people/zhang-qingshan.html",
      "http://example.org/a-much-longer-path/that/needs/a/larger/version/of/the/code/exhibition/departments/"
      "4f3c2a1b.html",
  };
  for (std::size_t i = 0; i < urls.size(); ++i) {
    const auto svg = dir.path() / ("code" + std::to_string(i) + ".svg");
    testing::write_text(svg, qr_code_svg(urls[i]));
    EXPECT_EQ(testing::decode_qr_svg(svg), urls[i]);
  }
}

TEST(QrCode, SvgIsDeterministicAndHasAQuietZone) {
  const std::string url = "https://www.example.edu.cn/zjz2025/people/a.html";
  const std::string svg = qr_code_svg(url);
  EXPECT_EQ(svg, qr_code_svg(url));
  // Version 4 (33 modules) holds this URL at level M; four modules of quiet zone each side.
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 41 41\"", 0), 0u) << svg.substr(0, 80);
  EXPECT_NE(svg.find("<title>" + url + "</title>"), std::string::npos);
  EXPECT_NE(svg.find("d=\"M4 4h7v1h-7z"), std::string::npos);  // the top-left finder pattern, 4 modules in
}

TEST(QrCode, TitleIsEscaped) {
  EXPECT_NE(qr_code_svg("https://example.org/?a=1&b=<2>").find("<title>https://example.org/?a=1&amp;b=&lt;2&gt;</title>"),
            std::string::npos);
}

TEST(QrCode, PathMirrorsThePage) {
  EXPECT_EQ(qr_code_path("exhibition/abc.html"), "qr/exhibition/abc.svg");
  EXPECT_EQ(qr_code_path("exhibition/departments/x.html"), "qr/exhibition/departments/x.svg");
}

}  // namespace
}  // namespace zhuanlan
