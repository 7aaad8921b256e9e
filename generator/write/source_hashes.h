#pragma once
// The SHA-256 of each photo, remembered between builds in the image cache
// (sources.json) with the file's size, modification and change times and
// inode, so that a photo whose file is unchanged is not read again just to be
// hashed. Any write to a file moves its change time, which no program can set
// back, so a changed photo is always hashed again.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace zhuanlan {

// The hashes of the files (paths relative to content_dir), in the same
// order; "" for a file that cannot be read. Adds to *hashed the number of
// files read to be hashed.
std::vector<std::string> hash_sources(const std::filesystem::path& content_dir, const std::vector<std::string>& paths,
                                      const std::filesystem::path& cache_dir, std::size_t* hashed);

}  // namespace zhuanlan
