#include "load/image_refs.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

TEST(ImageRefs, ResolvesMeasuresAndExplains) {
  testing::TempDir site;
  const fs::path content = site.path() / "content";
  testing::write_photo(content / "images/a.jpg", {300, 200, 6, false});
  testing::TestLoad load(site.path());
  load.site.images.publish_originals = true;
  std::string error;
  const auto image = resolve_image(load.context, "news", "../images/a.jpg", &error);
  ASSERT_TRUE(image) << error;
  EXPECT_EQ(image->content_path, "images/a.jpg");
  EXPECT_EQ(image->width, 200);  // turned a quarter by its EXIF orientation
  EXPECT_EQ(image->height, 300);
  EXPECT_TRUE(image->original_published);
  testing::write_text(content / "images/empty.jpg", "");
  EXPECT_FALSE(resolve_image(load.context, "", "images/empty.jpg", &error));
  EXPECT_EQ(error.rfind(" content/images/empty.jpg 是空文件", 0), 0u) << error;
}

// Within one load (one LoadContext, as load_content makes) an image named
// twice has its header read once: after the files are replaced, the
// answers found the first time (a size, a problem) still stand.
TEST(ImageRefs, HeadersAreReadOncePerLoad) {
  testing::TempDir site;
  const fs::path content = site.path() / "content";
  testing::write_photo(content / "images/a.jpg", {300, 200, 1, false});
  testing::write_text(content / "images/empty.jpg", "");
  const testing::TestLoad load(site.path());
  std::string error;
  ASSERT_TRUE(resolve_image(load.context, "", "images/a.jpg", &error)) << error;
  EXPECT_FALSE(resolve_image(load.context, "", "images/empty.jpg", &error));
  testing::write_photo(content / "images/a.jpg", {40, 30, 1, false});
  testing::write_photo(content / "images/empty.jpg", {30, 20, 1, false});
  const auto again = resolve_image(load.context, "pages", "../images/a.jpg", &error);
  ASSERT_TRUE(again) << error;
  EXPECT_EQ(again->width, 300);
  error.clear();
  EXPECT_FALSE(resolve_image(load.context, "", "images/empty.jpg", &error));
  EXPECT_NE(error.find("是空文件"), std::string::npos) << error;
  // The next load reads the file again.
  const testing::TestLoad next(site.path());
  const auto fresh = resolve_image(next.context, "", "images/a.jpg", &error);
  ASSERT_TRUE(fresh) << error;
  EXPECT_EQ(fresh->width, 40);
}

}  // namespace
}  // namespace zhuanlan
