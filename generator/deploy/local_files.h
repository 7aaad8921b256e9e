#pragma once
// The built site as a deploy sees it: every file of the output folder with
// its size and SHA-256.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zhuanlan {

struct LocalFile {
  std::string path;  // relative to the output folder, '/'-separated: news/a.html
  std::uint64_t size = 0;
  std::string sha256;
};

// Every regular file below out_dir, sorted by path, hashed in parallel. The
// build's own marker file (.zhuanlan-output) is left out. nullopt with a
// Chinese explanation in *error when a file cannot be read or has a name a
// server could not take (a control character or a backslash).
std::optional<std::vector<LocalFile>> list_local_files(const std::filesystem::path& out_dir, std::string* error);

}  // namespace zhuanlan
