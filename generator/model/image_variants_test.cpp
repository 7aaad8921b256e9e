#include "model/image_variants.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

ImageRef photo(const std::string& published, int width, int height, bool panorama = false) {
  ImageRef image;
  image.content_path = published;
  image.published_path = published;
  image.width = width;
  image.height = height;
  image.panorama = panorama;
  return image;
}

TEST(ImageVariants, StandardWidthsBelowThePhotoAndNeverEnlarged) {
  EXPECT_EQ(web_widths(4000, false), (std::vector<int>{480, 800, 1200, 1600}));
  EXPECT_EQ(web_widths(1600, false), (std::vector<int>{480, 800, 1200, 1600}));
  // A photo narrower than the widest standard width keeps its own width.
  EXPECT_EQ(web_widths(1000, false), (std::vector<int>{480, 800, 1000}));
  EXPECT_EQ(web_widths(480, false), (std::vector<int>{480}));
  EXPECT_EQ(web_widths(300, false), (std::vector<int>{300}));
  EXPECT_TRUE(web_widths(0, false).empty());
}

TEST(ImageVariants, PanoramasAreSizedForTheViewer) {
  EXPECT_EQ(web_widths(8000, true), (std::vector<int>{2048, 4096}));
  EXPECT_EQ(web_widths(3000, true), (std::vector<int>{2048, 3000}));
  const auto variants = web_variants(photo("images/tour/lake.jpg", 8000, 4000, true));
  ASSERT_EQ(variants.size(), 2u);  // JPEG only: viewers load one texture
  EXPECT_EQ(variants[0].path, "images/tour/lake-2048.jpg");
  EXPECT_EQ(variants[1].path, "images/tour/lake.jpg");
  EXPECT_EQ(variants[1].height, 2048);
}

TEST(ImageVariants, WebpFirstThenThePublishedFormatWithTheWidestAtThePublishedPath) {
  const auto variants = web_variants(photo("images/2025-05-13/a.jpg", 3000, 2000));
  ASSERT_EQ(variants.size(), 8u);
  EXPECT_EQ(variants[0].path, "images/2025-05-13/a-480.webp");
  EXPECT_EQ(variants[0].format, ImageFormat::webp);
  EXPECT_EQ(variants[0].height, 320);
  EXPECT_EQ(variants[3].path, "images/2025-05-13/a.webp");
  EXPECT_EQ(variants[3].width, 1600);
  EXPECT_EQ(variants[4].path, "images/2025-05-13/a-480.jpg");
  EXPECT_EQ(variants[4].format, ImageFormat::jpeg);
  EXPECT_EQ(variants[7].path, "images/2025-05-13/a.jpg");
  EXPECT_EQ(variants[7].width, 1600);
  EXPECT_EQ(variants[7].height, 1067);  // 2000 * 1600 / 3000, rounded
}

TEST(ImageVariants, PngStaysPngAndUnprobedImagesHaveNoVariants) {
  const auto png = web_variants(photo("images/poster.png", 900, 1200));
  ASSERT_EQ(png.size(), 6u);
  EXPECT_EQ(png.back().path, "images/poster.png");
  EXPECT_EQ(png.back().format, ImageFormat::png);
  EXPECT_TRUE(web_variants(photo("images/a.jpg", 0, 0)).empty());
  EXPECT_EQ(format_for_path("images/a.JPEG"), ImageFormat::jpeg);
  EXPECT_FALSE(format_for_path("images/a.gif"));
  EXPECT_FALSE(format_for_path("images.d/readme"));
}

TEST(ImageVariants, DrawingsArePublishedAsTheyAre) {
  const auto variants = web_variants(photo("images/tour/map.svg", 1200, 900));
  ASSERT_EQ(variants.size(), 1u);
  EXPECT_EQ(variants[0].path, "images/tour/map.svg");
  EXPECT_EQ(variants[0].format, ImageFormat::svg);
  EXPECT_EQ(variants[0].width, 1200);
}

TEST(ImageVariants, OriginalsSitBesideTheWebVersions) {
  EXPECT_EQ(original_path(photo("images/a/b.jpg", 10, 10)), "images/a/b-original.jpg");
  EXPECT_EQ(scaled_height(3000, 2000, 800), 533);
  EXPECT_EQ(scaled_height(5000, 2, 480), 1);  // never zero
}

}  // namespace
}  // namespace zhuanlan
