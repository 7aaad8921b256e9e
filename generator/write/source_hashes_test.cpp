#include "write/source_hashes.h"

#include <gtest/gtest.h>

#include <thread>

#include "test_support.h"
#include "util/hash.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

TEST(SourceHashes, AnUnchangedFileIsNotReadAgainAndAChangedOneAlwaysIs) {
  testing::TempDir site;
  const fs::path content = site.path() / "content", cache = site.path() / "cache";
  testing::write_text(content / "images/a.jpg", "first photo");
  testing::write_text(content / "images/b.jpg", "second photo");
  const std::vector<std::string> paths{"images/a.jpg", "images/b.jpg"};
  std::size_t hashed = 0;
  const auto first = hash_sources(content, paths, cache, &hashed);
  EXPECT_EQ(hashed, 2u);
  EXPECT_EQ(first[0], sha256_hex("first photo"));
  hashed = 0;
  EXPECT_EQ(hash_sources(content, paths, cache, &hashed), first);
  EXPECT_EQ(hashed, 0u);

  // Same size, modification time set back: the change time still moves.
  const auto modified = fs::last_write_time(content / "images/a.jpg");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  testing::write_text(content / "images/a.jpg", "other photo");
  fs::last_write_time(content / "images/a.jpg", modified);
  const auto again = hash_sources(content, paths, cache, &hashed);
  EXPECT_EQ(hashed, 1u);
  EXPECT_EQ(again[0], sha256_hex("other photo"));
  EXPECT_EQ(again[1], first[1]);

  fs::remove(content / "images/b.jpg");
  hashed = 0;
  EXPECT_EQ(hash_sources(content, paths, cache, &hashed)[1], "");
  EXPECT_EQ(hashed, 1u);
}

}  // namespace
}  // namespace zhuanlan
