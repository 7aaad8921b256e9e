#pragma once
// Files made from photos are kept between builds in the site's cache folder
// (<site>/.zhuanlan-cache/images/), outside content/ and outside the output,
// so that an unchanged photo is never decoded again. An entry is a folder
// named by its key: the hash of the photo's bytes and of the recipe (what is
// made and with which settings), so a changed photo or changed settings get
// a new entry. Entries appear whole or not at all, each with its record
// (entry.json: every file's size and SHA-256, taken when it was written),
// and are checked against it before they are used: published images are
// hard links to the entries' files, so a damaged entry must never be
// published again. Nothing is ever written into an existing entry: a
// remade entry is a new folder with new files renamed into place, so a
// file the site already publishes keeps its bytes. An entry's folder is
// touched whenever a build uses it; prune_image_cache() removes those not
// used for a while.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan {

inline constexpr const char* kCacheFolder = ".zhuanlan-cache";

// <site>/.zhuanlan-cache/images
std::filesystem::path image_cache_dir(const std::filesystem::path& site_dir);

std::string image_cache_key(std::string_view source_sha256, std::string_view recipe);

struct CacheLookup {
  enum class State {
    found,    // every file is there with the size and hash recorded when written
    missing,  // no entry (or one of an earlier version without a record)
    damaged,  // a file is gone, or its size or bytes changed since it was written
  };
  State state = State::missing;
  std::filesystem::path dir;  // the entry's folder when found
  std::string damaged_file;   // when damaged: the file's name in the entry
  bool size_changed = false;  // when damaged: cut short or grown, rather than overwritten or gone
};

// Looks for the entry holding every one of files and checks each against
// the entry's record. A found entry is marked as used now; a damaged or
// unrecorded one is taken out of the cache, so store_cache_entry() can make
// it again.
CacheLookup find_cache_entry(const std::filesystem::path& cache_dir, const std::string& key,
                             const std::vector<std::string>& files);

// Makes an entry: fill() writes the files into an empty folder; the record of
// their sizes and hashes is added and the folder becomes the entry only when
// fill() returns; if it throws, nothing is kept. Safe to call from several
// threads and processes, also for the same key.
std::filesystem::path store_cache_entry(const std::filesystem::path& cache_dir, const std::string& key,
                                        const std::function<void(const std::filesystem::path&)>& fill);

// Removes the entries not used for max_age, and work folders left by builds
// that were killed. Returns the number of entries removed.
std::size_t prune_image_cache(const std::filesystem::path& cache_dir, std::chrono::hours max_age);

inline constexpr std::chrono::hours kImageCacheMaxAge{24 * 30};

}  // namespace zhuanlan
