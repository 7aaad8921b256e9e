#include "util/paths.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

TEST(IsWithin, ComparesWholeComponents) {
  EXPECT_TRUE(is_within("/site/public/a.html", "/site/public"));
  EXPECT_TRUE(is_within("/site/public", "/site/public"));
  EXPECT_FALSE(is_within("/site/public-old/a.html", "/site/public"));
  EXPECT_FALSE(is_within("/site", "/site/public"));
}

TEST(ContentPaths, ResolvesRelativeToContentOrToTheFile) {
  TempDir dir;
  testing::write_image(dir.path() / "images/a/1.jpg");
  std::string error;
  auto from_content = resolve_content_path(dir.path(), "news/2025", "images/a/1.jpg", &error);
  ASSERT_TRUE(from_content) << error;
  EXPECT_EQ(from_content->content_relative, "images/a/1.jpg");
  auto from_file = resolve_content_path(dir.path(), "news/2025", "../../images/a/1.jpg", &error);
  ASSERT_TRUE(from_file) << error;
  EXPECT_EQ(from_file->content_relative, "images/a/1.jpg");
  auto encoded = resolve_content_path(dir.path(), "", "images/a/%31.jpg", &error);
  ASSERT_TRUE(encoded) << error;
}

TEST(ContentPaths, RefusesEverythingOutsideContent) {
  TempDir dir;
  testing::write_text(dir.path() / "secret.txt", "x");
  fs::create_directories(dir.path() / "content");
  fs::create_symlink(dir.path() / "secret.txt", dir.path() / "content/link.jpg");
  std::string error;
  for (const char* bad : {"../secret.txt", "./../../secret.txt", "/etc/passwd", "https://cdn.example.com/a.jpg",
                          "//cdn.example.com/a.jpg", "link.jpg", "images/missing.jpg", ""}) {
    error.clear();
    EXPECT_FALSE(resolve_content_path(dir.path() / "content", "news", bad, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(ContentPaths, PublishedNamesAreAscii) {
  EXPECT_EQ(published_path_for("images/2025-05-13/a_1.JPG"), "images/2025-05-13/a_1.jpg");
  const std::string chinese = published_path_for("images/开幕式/合影.jpg");
  EXPECT_EQ(chinese.rfind("images/", 0), 0u);
  for (const char c : chinese) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << chinese;
  EXPECT_EQ(chinese, published_path_for("images/开幕式/合影.jpg"));
  EXPECT_NE(chinese, published_path_for("images/开幕式/合影2.jpg"));
}

TEST(ContentPaths, RootPrefixFollowsDepth) {
  EXPECT_EQ(root_prefix_for("index.html"), "");
  EXPECT_EQ(root_prefix_for("news/a.html"), "../");
  EXPECT_EQ(root_prefix_for("a/b/c.html"), "../../");
}

}  // namespace
}  // namespace zhuanlan
