#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace zhuanlan {

// The whole file, or nullopt if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Regular files below dir (recursively) whose names end with extension,
// sorted by path so that every run sees them in the same order. A missing
// dir gives an empty list.
std::vector<std::filesystem::path> list_files(const std::filesystem::path& dir, const std::string& extension);

}  // namespace zhuanlan
