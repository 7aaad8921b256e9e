#include "validate/image_checks.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

SiteImage image(const std::string& path, int width, int height, bool captioned) {
  SiteImage entry;
  entry.image.content_path = path;
  entry.image.published_path = path;
  entry.image.width = width;
  entry.image.height = height;
  entry.used_by = {"content/news/a.md", "content/news/b.md"};
  entry.captioned = captioned;
  return entry;
}

std::vector<Diagnostic> check(const std::vector<SiteImage>& images, const ImageSettings& settings,
                              const std::filesystem::path& content_dir = "/nonexistent") {
  Diagnostics found;
  check_images(images, settings, content_dir, found);
  for (const auto& d : found.items) EXPECT_EQ(d.severity, Severity::warning) << d.message;
  return found.items;
}

TEST(ImageChecks, SmallPhotosAndMissingCaptionsBreakTheSubmissionRules) {
  const auto found = check({image("images/small.jpg", 1600, 1000, true), image("images/tall.jpg", 1500, 2000, true),
                            image("images/bare.jpg", 4000, 3000, false)},
                           {});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].file, "content/news/a.md");
  EXPECT_NE(found[0].message.find("图片 content/images/small.jpg 只有 1600×1000 像素"), std::string::npos);
  EXPECT_NE(found[0].message.find("不少于 2000 像素"), std::string::npos);
  EXPECT_NE(found[1].message.find("content/images/bare.jpg 没有图片说明"), std::string::npos);
}

TEST(ImageChecks, FilesOverTheSitesLimitAreReported) {
  testing::TempDir dir;
  testing::write_text(dir.path() / "images/big.jpg", std::string(3'000'000, 'x'));
  testing::write_text(dir.path() / "images/ok.jpg", std::string(1'000'000, 'x'));
  const std::vector<SiteImage> images{image("images/big.jpg", 4000, 3000, true), image("images/ok.jpg", 4000, 3000, true)};
  EXPECT_TRUE(check(images, {}, dir.path()).empty());  // no limit set
  ImageSettings limited;
  limited.max_bytes = 2'000'000;
  const auto found = check(images, limited, dir.path());
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("content/images/big.jpg 有 3.0 MB，超过了本站设定的 2.0 MB"), std::string::npos)
      << found[0].message;
}

}  // namespace
}  // namespace zhuanlan
