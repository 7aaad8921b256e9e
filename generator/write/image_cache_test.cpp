#include "write/image_cache.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

TEST(ImageCache, KeysDependOnTheBytesAndTheRecipe) {
  EXPECT_EQ(image_cache_key("abc", "web 480"), image_cache_key("abc", "web 480"));
  EXPECT_NE(image_cache_key("abc", "web 480"), image_cache_key("abd", "web 480"));
  EXPECT_NE(image_cache_key("abc", "web 480"), image_cache_key("abc", "web 800"));
}

TEST(ImageCache, EntriesAppearWholeOrNotAtAll) {
  testing::TempDir site;
  const fs::path cache = image_cache_dir(site.path());
  EXPECT_EQ(cache, site.path() / ".zhuanlan-cache" / "images");
  const std::string key = image_cache_key("abc", "web");
  EXPECT_FALSE(find_cache_entry(cache, key, {"480.jpg"}));
  EXPECT_THROW(store_cache_entry(cache, key,
                                 [](const fs::path& dir) {
                                   testing::write_text(dir / "480.jpg", "half");
                                   throw std::runtime_error("decoder failed");
                                 }),
               std::runtime_error);
  EXPECT_FALSE(find_cache_entry(cache, key, {"480.jpg"}));
  const fs::path entry = store_cache_entry(cache, key, [](const fs::path& dir) { testing::write_text(dir / "480.jpg", "x"); });
  EXPECT_EQ(find_cache_entry(cache, key, {"480.jpg"}), entry);
  // An entry missing one of its files is made again.
  EXPECT_FALSE(find_cache_entry(cache, key, {"480.jpg", "800.jpg"}));
  EXPECT_FALSE(fs::exists(entry));
}

TEST(ImageCache, PruningRemovesOnlyEntriesUnusedForLong) {
  testing::TempDir site;
  const fs::path cache = image_cache_dir(site.path());
  const auto make = [&](const std::string& source) {
    const std::string key = image_cache_key(source, "web");
    return store_cache_entry(cache, key, [](const fs::path& dir) { testing::write_text(dir / "1.jpg", "x"); });
  };
  const fs::path old_entry = make("old"), recent_entry = make("recent");
  fs::last_write_time(old_entry, fs::file_time_type::clock::now() - std::chrono::hours(24 * 40));
  fs::last_write_time(recent_entry, fs::file_time_type::clock::now() - std::chrono::hours(24 * 20));
  EXPECT_EQ(prune_image_cache(cache, kImageCacheMaxAge), 1u);
  EXPECT_FALSE(fs::exists(old_entry));
  EXPECT_TRUE(fs::exists(recent_entry / "1.jpg"));
  // Using an entry makes it recent again.
  fs::last_write_time(recent_entry, fs::file_time_type::clock::now() - std::chrono::hours(24 * 40));
  ASSERT_TRUE(find_cache_entry(cache, image_cache_key("recent", "web"), {"1.jpg"}));
  EXPECT_EQ(prune_image_cache(cache, kImageCacheMaxAge), 0u);
}

}  // namespace
}  // namespace zhuanlan
