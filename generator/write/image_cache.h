#pragma once
// Files made from photos are kept between builds in the site's cache folder
// (<site>/.zhuanlan-cache/images/), outside content/ and outside the output,
// so that an unchanged photo is never decoded again. An entry is a folder
// named by its key: the hash of the photo's bytes and of the recipe (what is
// made and with which settings), so a changed photo or changed settings get
// a new entry. Entries appear whole or not at all. An entry's folder is
// touched whenever a build uses it; prune_image_cache() removes those not
// used for a while.
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan {

inline constexpr const char* kCacheFolder = ".zhuanlan-cache";

// <site>/.zhuanlan-cache/images
std::filesystem::path image_cache_dir(const std::filesystem::path& site_dir);

std::string image_cache_key(std::string_view source_sha256, std::string_view recipe);

// The entry's folder when it exists and holds every one of files; the
// entry is then marked as used now.
std::optional<std::filesystem::path> find_cache_entry(const std::filesystem::path& cache_dir, const std::string& key,
                                                      const std::vector<std::string>& files);

// Makes an entry: fill() writes the files into an empty folder, which
// becomes the entry only when fill() returns; if it throws, nothing is kept.
// Safe to call from several threads and processes, also for the same key.
std::filesystem::path store_cache_entry(const std::filesystem::path& cache_dir, const std::string& key,
                                        const std::function<void(const std::filesystem::path&)>& fill);

// Removes the entries not used for max_age, and work folders left by builds
// that were killed. Returns the number of entries removed.
std::size_t prune_image_cache(const std::filesystem::path& cache_dir, std::chrono::hours max_age);

inline constexpr std::chrono::hours kImageCacheMaxAge{24 * 30};

}  // namespace zhuanlan
