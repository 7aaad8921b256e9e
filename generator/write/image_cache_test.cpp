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

bool found(const CacheLookup& lookup) { return lookup.state == CacheLookup::State::found; }

TEST(ImageCache, EntriesAppearWholeOrNotAtAll) {
  testing::TempDir site;
  const fs::path cache = image_cache_dir(site.path());
  EXPECT_EQ(cache, site.path() / ".zhuanlan-cache" / "images");
  const std::string key = image_cache_key("abc", "web");
  EXPECT_EQ(find_cache_entry(cache, key, {"480.jpg"}).state, CacheLookup::State::missing);
  EXPECT_THROW(store_cache_entry(cache, key,
                                 [](const fs::path& dir) {
                                   testing::write_text(dir / "480.jpg", "half");
                                   throw std::runtime_error("decoder failed");
                                 }),
               std::runtime_error);
  EXPECT_EQ(find_cache_entry(cache, key, {"480.jpg"}).state, CacheLookup::State::missing);
  const fs::path entry = store_cache_entry(cache, key, [](const fs::path& dir) { testing::write_text(dir / "480.jpg", "x"); });
  EXPECT_EQ(find_cache_entry(cache, key, {"480.jpg"}).dir, entry);
  // An entry missing one of its files is made again.
  const CacheLookup incomplete = find_cache_entry(cache, key, {"480.jpg", "800.jpg"});
  EXPECT_EQ(incomplete.state, CacheLookup::State::damaged);
  EXPECT_EQ(incomplete.damaged_file, "800.jpg");
  EXPECT_FALSE(fs::exists(entry));
}

TEST(ImageCache, EntriesAreCheckedAgainstTheSizesAndHashesRecordedWhenWritten) {
  testing::TempDir site;
  const fs::path cache = image_cache_dir(site.path());
  const std::string key = image_cache_key("abc", "web");
  const auto store = [&] {
    return store_cache_entry(cache, key, [](const fs::path& dir) {
      testing::write_text(dir / "480.jpg", "small photo");
      testing::write_text(dir / "800.jpg", "larger photo");
    });
  };
  const std::vector<std::string> files = {"480.jpg", "800.jpg"};
  fs::path entry = store();
  ASSERT_TRUE(found(find_cache_entry(cache, key, files)));

  // Cut short: found by its size.
  fs::resize_file(entry / "800.jpg", 3);
  CacheLookup lookup = find_cache_entry(cache, key, files);
  EXPECT_EQ(lookup.state, CacheLookup::State::damaged);
  EXPECT_EQ(lookup.damaged_file, "800.jpg");
  EXPECT_TRUE(lookup.size_changed);
  EXPECT_FALSE(fs::exists(entry));  // taken out, to be made again

  // Overwritten with other bytes of the same length: found by its hash.
  entry = store();
  testing::write_text(entry / "480.jpg", "SMALL PHOTO");
  lookup = find_cache_entry(cache, key, files);
  EXPECT_EQ(lookup.state, CacheLookup::State::damaged);
  EXPECT_EQ(lookup.damaged_file, "480.jpg");
  EXPECT_FALSE(lookup.size_changed);

  // A damaged record is a damaged entry; an entry with no record at all (made
  // by an earlier version) is simply made again.
  entry = store();
  testing::write_text(entry / "entry.json", "{\"format\": 1, \"files\": [");
  EXPECT_EQ(find_cache_entry(cache, key, files).state, CacheLookup::State::damaged);
  entry = store();
  fs::remove(entry / "entry.json");
  EXPECT_EQ(find_cache_entry(cache, key, files).state, CacheLookup::State::missing);
  EXPECT_FALSE(fs::exists(entry));
}

TEST(ImageCache, RemakingAnEntryNeverWritesIntoTheFilesOfTheOldOne) {
  testing::TempDir site;
  const fs::path cache = image_cache_dir(site.path());
  const std::string key = image_cache_key("abc", "web");
  const fs::path entry = store_cache_entry(cache, key, [](const fs::path& dir) {
    testing::write_text(dir / "480.jpg", "first version");
  });
  // A published copy: a hard link to the entry's file, as StagedOutput makes.
  const fs::path published = site.path() / "published.jpg";
  fs::create_hard_link(entry / "480.jpg", published);
  fs::resize_file(entry / "480.jpg", 5);  // damaged in place (and so the published file)
  ASSERT_EQ(find_cache_entry(cache, key, {"480.jpg"}).state, CacheLookup::State::damaged);
  const fs::path remade = store_cache_entry(cache, key, [](const fs::path& dir) {
    testing::write_text(dir / "480.jpg", "second version");
  });
  EXPECT_TRUE(found(find_cache_entry(cache, key, {"480.jpg"})));
  EXPECT_EQ(testing::read_text(remade / "480.jpg"), "second version");
  EXPECT_EQ(testing::read_text(published), "first");  // the old inode was never written to
  EXPECT_FALSE(fs::equivalent(published, remade / "480.jpg"));
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
  ASSERT_TRUE(found(find_cache_entry(cache, image_cache_key("recent", "web"), {"1.jpg"})));
  EXPECT_EQ(prune_image_cache(cache, kImageCacheMaxAge), 0u);
}

}  // namespace
}  // namespace zhuanlan
