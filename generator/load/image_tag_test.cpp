#include "load/image_tag.h"

#include <gtest/gtest.h>

#include "load/markdown.h"
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

TEST(ImageTag, MarkdownFiguresLoadTheFirstImageOfThePageAtOnce) {
  testing::TempDir dir;
  testing::write_photo(dir.path() / "images/a.jpg", {800, 600, 1, false});
  testing::write_photo(dir.path() / "images/b.jpg", {800, 600, 1, false});
  const std::string text = "![甲](images/a.jpg \"一\")\n\n正文。\n\n![乙](images/b.jpg \"二\")\n";
  const auto render = [&](const std::string& image_above) {
    Diagnostics found;
    MarkdownSource source{text, "content/news/x.md", 1, dir.path(), "news", "../", false, {}, image_above};
    const auto out = render_markdown(source, found);
    EXPECT_FALSE(found.has_errors());
    return out.html;
  };
  const std::string plain = render("");
  EXPECT_EQ(plain.find("loading=\"lazy\""), plain.rfind("loading=\"lazy\""));  // only the second
  EXPECT_LT(plain.find("images/a.jpg\" srcset"), plain.find("loading=\"lazy\""));
  EXPECT_NE(plain.find("width=\"800\" height=\"600\""), std::string::npos);
  // A cover shown above the text is the first image: every figure is lazy.
  const std::string below_cover = render("images/c.jpg");
  EXPECT_NE(below_cover.find("loading=\"lazy\""), below_cover.rfind("loading=\"lazy\""));
  // The cover is in the text, so it is not shown above: the first figure is eager.
  EXPECT_EQ(render("images/b.jpg"), plain);
}

}  // namespace
}  // namespace zhuanlan
