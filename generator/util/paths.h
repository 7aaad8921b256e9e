#pragma once
// Paths written in content. They are relative to content/, or to the file
// that holds them when they start with ./ or ../ (so Markdown editors can
// preview them); none may lead outside content/.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace zhuanlan {

struct ResolvedPath {
  std::string content_relative;  // normalised, '/'-separated, e.g. images/2025-05-13/a.jpg
  std::filesystem::path absolute;
};

// file_dir_in_content: the folder of the referencing file, relative to
// content/ ("news/2025-05-13"). Returns nullopt with a Chinese explanation in
// *error when the path is empty, absolute, a URL to another site, leads
// outside content/ (also through a symbolic link) or names no file.
std::optional<ResolvedPath> resolve_content_path(const std::filesystem::path& content_dir,
                                                 std::string_view file_dir_in_content,
                                                 std::string_view written, std::string* error);

// Whether path is folder or lies below it, comparing whole components
// lexically: resolve links first (fs::canonical) when they matter.
bool is_within(const std::filesystem::path& path, const std::filesystem::path& folder);

// Decodes %XX escapes (Markdown editors write spaces as %20).
std::string percent_decode(std::string_view text);

// The site-relative path of a published file made from a content file:
// ASCII segments stay as they are, others become ascii_slug()s, so every
// URL is ASCII and stable. images/活动/合影.JPG -> images/<slug>/<slug>.jpg
std::string published_path_for(std::string_view content_relative);

// The relative prefix from a page to the site's root: "" for index.html,
// "../" for news/a.html. Pages link relatively so that the site works under
// any base path and when opened straight from disk.
std::string root_prefix_for(std::string_view page_path);

}  // namespace zhuanlan
