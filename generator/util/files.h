#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan {

// The whole file, or nullopt if it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& path);

// Writes bytes as the whole file (mode 0644 less the umask); false when it
// cannot be opened or written in full. only_if_new refuses (false, nothing
// touched) when the file exists: the check and the creation are one step.
bool write_file(const std::filesystem::path& path, std::string_view bytes, bool only_if_new = false);

// Regular files below dir (recursively) whose names end with extension,
// sorted by path so that every run sees them in the same order. A missing
// dir gives an empty list.
// Symbolic links to folders are not followed (a link may form a loop); see
// check_content_links for what users are told.
std::vector<std::filesystem::path> list_files(const std::filesystem::path& dir, const std::string& extension);

struct Diagnostics;

// Reports the symbolic links below <site>/content: a link to a file outside
// content/ is an error (nothing of it may be published), a link to a folder
// is a warning (its files are not read; list_files does not follow folder
// links), a link that leads nowhere is a warning.
void check_content_links(const std::filesystem::path& site_dir, Diagnostics& diagnostics);

}  // namespace zhuanlan
