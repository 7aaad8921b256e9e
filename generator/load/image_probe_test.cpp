#include "load/image_probe.h"

#include <gtest/gtest.h>

#include <vips/vips8>

#include "test_support.h"
#include "util/vips_runtime.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

std::string problem(const fs::path& file) {
  std::string error;
  EXPECT_FALSE(probe_image(file, &error)) << file;
  return error;
}

TEST(ImageProbe, ReadsTheSizeAsShownAfterTheExifOrientation) {
  testing::TempDir dir;
  testing::write_photo(dir.path() / "upright.jpg", {300, 200, 1, false});
  testing::write_photo(dir.path() / "turned.jpg", {300, 200, 6, false});
  testing::write_photo(dir.path() / "poster.png", {120, 80, 1, false});
  std::string error;
  const auto upright = probe_image(dir.path() / "upright.jpg", &error);
  ASSERT_TRUE(upright) << error;
  EXPECT_EQ(upright->width, 300);
  EXPECT_EQ(upright->height, 200);
  const auto turned = probe_image(dir.path() / "turned.jpg", &error);
  ASSERT_TRUE(turned) << error;
  EXPECT_EQ(turned->width, 200);
  EXPECT_EQ(turned->height, 300);
  const auto poster = probe_image(dir.path() / "poster.png", &error);
  ASSERT_TRUE(poster) << error;
  EXPECT_EQ(poster->format, ImageFormat::png);
}

TEST(ImageProbe, BrokenAndUnsupportedFilesAreExplained) {
  testing::TempDir dir;
  testing::write_text(dir.path() / "empty.jpg", "");
  EXPECT_NE(problem(dir.path() / "empty.jpg").find("空文件"), std::string::npos);

  testing::write_photo(dir.path() / "real.png", {});
  fs::rename(dir.path() / "real.png", dir.path() / "named.jpg");
  const std::string renamed = problem(dir.path() / "named.jpg");
  EXPECT_NE(renamed.find("扩展名是“.jpg”，内容却是 PNG 图片"), std::string::npos) << renamed;

  testing::write_text(dir.path() / "notes.jpg", "这不是图片，是一段文字。\n");
  EXPECT_NE(problem(dir.path() / "notes.jpg").find("不是能识别的图片文件"), std::string::npos);

  start_vips();
  vips::VImage::black(40, 30).gifsave((dir.path() / "anim.gif").c_str());
  EXPECT_NE(problem(dir.path() / "anim.gif").find("是 GIF 格式"), std::string::npos);
}

TEST(ImageProbe, SvgDrawingsAreAcceptedAtTheirOwnSize) {
  testing::TempDir dir;
  testing::write_text(dir.path() / "map.svg",
                      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"800\" viewBox=\"0 0 1200 800\">"
                      "<rect width=\"1200\" height=\"800\" fill=\"#9c6\"/></svg>\n");
  std::string error;
  const auto map = probe_image(dir.path() / "map.svg", &error);
  ASSERT_TRUE(map) << error;
  EXPECT_EQ(map->format, ImageFormat::svg);
  EXPECT_EQ(map->width, 1200);
  EXPECT_EQ(map->height, 800);
}

TEST(ImageProbe, ImagesBeyondThePixelLimitAreRefusedFromTheHeader) {
  testing::TempDir dir;
  // 30,000 px on the long side: refused before any pixel is decoded.
  testing::write_photo(dir.path() / "strip.jpg", {30000, 20, 1, false});
  const std::string error = problem(dir.path() / "strip.jpg");
  EXPECT_NE(error.find("30000×20 像素"), std::string::npos) << error;
  EXPECT_NE(error.find("上限"), std::string::npos) << error;
}

}  // namespace
}  // namespace zhuanlan
