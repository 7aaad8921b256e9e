#pragma once
// The files under generator/scaffold/starter/ as the program ships them
// (embedded with the layouts), filled in with Mustache.
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>

namespace zhuanlan {

// Every shipped scaffold file whose path starts with prefix ("content/",
// "new/"), with that path relative to starter/.
struct ScaffoldFile {
  std::string path;
  std::string_view text;
};
std::vector<ScaffoldFile> scaffold_files(std::string_view prefix);

// Renders a scaffold template. Values go in as given: callers pass text
// already quoted for its place (json_quoted()).
std::string fill_scaffold(std::string_view text, const kainjow::mustache::data& values);

// A JSON string literal, quotes included; also a valid YAML double-quoted
// scalar, so one function quotes values for site.json and front matter alike.
std::string json_quoted(const std::string& text);

}  // namespace zhuanlan
