#pragma once
// `zhuanlan new news|activity|person|page TITLE`: a new content file in the
// right folder, with a stable ASCII name and its fields pre-filled from the
// site's settings (the date and time in China, the department when the site
// has only one, the reviewer line when the site requires one); optional
// fields are commented in Chinese. It never replaces an existing file.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "model/content.h"

namespace zhuanlan {

enum class NewKind { news, activity, person, page };

// "news" -> NewKind::news; nullopt for any other word.
std::optional<NewKind> parse_new_kind(const std::string& word);

struct NewRequest {
  NewKind kind = NewKind::news;
  std::string title;
  std::string slug;  // the file name without extension; empty: made from the time
  std::chrono::sys_seconds when{};  // the item's date and time (UTC; written as China time)
};

struct NewFile {
  std::string path;  // relative to the site folder, e.g. content/news/2025-05-13/20250513-0930.md
  std::string bytes;
};

// The file for a request; nullopt and a Chinese explanation in *error when
// the slug is not lowercase ASCII letters, digits and '-'.
std::optional<NewFile> plan_new_file(const NewRequest& request, const SiteConfig& site, std::string* error);

}  // namespace zhuanlan
