#include "write/source_hashes.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

// The memo is JSON beside the cached images; one that is damaged, cut short
// or of the old tab-separated format is forgotten: every photo is hashed
// again, correctly, and the memo is written afresh.
TEST(SourceHashes, CorruptOrOldMemoIsForgottenNotFatal) {
  testing::TempDir site;
  const fs::path content = site.path() / "content", cache = site.path() / "cache";
  testing::write_text(content / "images/a.jpg", "first photo");
  const std::vector<std::string> paths{"images/a.jpg"};
  std::size_t hashed = 0;
  hash_sources(content, paths, cache, &hashed);
  const std::string good = testing::read_text(cache / "sources.json");
  const auto memo = nlohmann::json::parse(good);
  EXPECT_EQ(memo.at("files").at("images/a.jpg").at(0), sha256_hex("first photo"));

  for (const std::string& bad : {good.substr(0, good.size() - 5), std::string("\xff\xfe{"), std::string("{\"format\": 1, \"files\": []}"),
                                 std::string("{\"format\":1,\"files\":{\"images/a.jpg\":[1,2]}}")}) {
    testing::write_text(cache / "sources.json", bad);
    hashed = 0;
    EXPECT_EQ(hash_sources(content, paths, cache, &hashed)[0], sha256_hex("first photo")) << bad;
    EXPECT_EQ(hashed, 1u) << bad;
    hashed = 0;
    hash_sources(content, paths, cache, &hashed);
    EXPECT_EQ(hashed, 0u) << bad;  // written afresh
  }

  fs::remove(cache / "sources.json");
  testing::write_text(cache / "sources.tsv", sha256_hex("first photo") + "\t11\t0\t0\t0\timages/a.jpg\n");
  hashed = 0;
  EXPECT_EQ(hash_sources(content, paths, cache, &hashed)[0], sha256_hex("first photo"));
  EXPECT_EQ(hashed, 1u);
  EXPECT_FALSE(fs::exists(cache / "sources.tsv"));
  EXPECT_TRUE(fs::exists(cache / "sources.json"));
}

}  // namespace
}  // namespace zhuanlan
