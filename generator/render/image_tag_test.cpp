#include "render/image_tag.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

ImageRef photo() {
  ImageRef image;
  image.content_path = "images/2025-05-13/a.jpg";
  image.published_path = "images/2025-05-13/a.jpg";
  image.alt = "选手\"检测\"电池";
  image.caption = "比赛现场";
  image.width = 3000;
  image.height = 2000;
  return image;
}

TEST(ImageTag, ListsEveryWebVersionWithSizeAndLazyLoading) {
  const std::string html = image_tag(photo(), "../", true);
  EXPECT_EQ(html,
            "<picture><source type=\"image/webp\" srcset=\"../images/2025-05-13/a-480.webp 480w, "
            "../images/2025-05-13/a-800.webp 800w, ../images/2025-05-13/a-1200.webp 1200w, "
            "../images/2025-05-13/a.webp 1600w\" sizes=\"(min-width: 52rem) 45rem, 100vw\">"
            "<img src=\"../images/2025-05-13/a.jpg\" srcset=\"../images/2025-05-13/a-480.jpg 480w, "
            "../images/2025-05-13/a-800.jpg 800w, ../images/2025-05-13/a-1200.jpg 1200w, "
            "../images/2025-05-13/a.jpg 1600w\" sizes=\"(min-width: 52rem) 45rem, 100vw\" width=\"1600\" "
            "height=\"1067\" alt=\"选手&quot;检测&quot;电池\" loading=\"lazy\" decoding=\"async\"></picture>");
}

TEST(ImageTag, FirstImageLoadsAtOnceAndGridsAskForSmallerVersions) {
  const std::string eager = image_tag(photo(), "", false, kGridImageSizes);
  EXPECT_EQ(eager.find("loading="), std::string::npos);
  EXPECT_NE(eager.find("sizes=\"(min-width: 37rem) 23rem, 100vw\""), std::string::npos);
  ImageRef small = photo();
  small.width = 400;
  small.height = 300;
  const std::string one = image_tag(small, "", true);
  EXPECT_NE(one.find("srcset=\"images/2025-05-13/a.jpg 400w\""), std::string::npos) << one;
  EXPECT_NE(one.find("width=\"400\" height=\"300\""), std::string::npos) << one;
}

TEST(ImageTag, AltFallsBackToTheCaptionAndOriginalsAreLinked) {
  ImageRef image = photo();
  image.alt.clear();
  image.original_published = true;
  const std::string html = image_tag(image, "../", true);
  EXPECT_NE(html.find("alt=\"比赛现场\""), std::string::npos);
  EXPECT_EQ(html.rfind("<a class=\"image-original\" href=\"../images/2025-05-13/a-original.jpg\"><picture>", 0), 0u)
      << html;
}

TEST(ImageTag, CardPicturesAreDecorationAndNeverLinkTheOriginal) {
  ImageRef image = photo();
  image.original_published = true;  // a card is a link already: links cannot nest
  const std::string html = card_image_tag(image, "../");
  EXPECT_EQ(html.rfind("<picture>", 0), 0u) << html;
  EXPECT_EQ(html.find("<a "), std::string::npos) << html;
  EXPECT_NE(html.find("alt=\"\" loading=\"lazy\""), std::string::npos) << html;
  EXPECT_NE(html.find("sizes=\"(min-width: 37rem) 23rem, 100vw\""), std::string::npos) << html;
  EXPECT_NE(html.find("width=\"1600\" height=\"1067\""), std::string::npos) << html;
}

TEST(ImageTag, DrawingsAreOnePlainImage) {
  ImageRef map = photo();
  map.published_path = "images/tour/map.svg";
  map.width = 1200;
  map.height = 800;
  EXPECT_EQ(image_tag(map, "../", false),
            "<img src=\"../images/tour/map.svg\" width=\"1200\" height=\"800\" alt=\"选手&quot;检测&quot;电池\" "
            "decoding=\"async\">");
}

}  // namespace
}  // namespace zhuanlan
