#pragma once
// The words of the site that a school may reword: page titles and
// descriptions made in C++, byline labels, activity figure labels. They ship
// in layouts/strings.json; a site's own layouts/strings.json replaces any
// subset of them, key by key. A text may hold {{placeholders}} (Mustache,
// such as 每日动态（第{{页码}}页）) that the renderer fills.
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/diagnostics.h"

namespace zhuanlan {

class SiteText {
 public:
  using Values = std::vector<std::pair<std::string, std::string>>;

  // The text of key as it stands. Throws std::runtime_error (in Chinese)
  // for a key the program does not ship: a program error, not the site's.
  const std::string& get(std::string_view key) const;
  // The text with its placeholders filled, e.g. fill("每日动态.分页标题",
  // {{"页码", "2"}}). Values are inserted as they are: the page template
  // escapes the whole text where it shows it. Like a layout, rendering keeps
  // state in the template, so each worker fills with its own copy.
  std::string fill(std::string_view key, const Values& values);

  // Adds or replaces one text; false (and error_message) if its
  // placeholders are not valid Mustache.
  bool set(const std::string& key, const std::string& text, std::string& error_message);
  bool has(std::string_view key) const { return texts_.find(key) != texts_.end(); }

 private:
  std::map<std::string, std::string, std::less<>> texts_;
  // Only texts with placeholders are compiled.
  std::map<std::string, kainjow::mustache::mustache, std::less<>> templates_;
};

// The shipped texts, each replaced by the site's layouts/strings.json where
// it has one. A malformed file or a text that is not a string is an error
// (file and line); a key the program does not know is a warning.
std::optional<SiteText> load_site_text(const std::filesystem::path& site_dir, Diagnostics& diagnostics);

}  // namespace zhuanlan
