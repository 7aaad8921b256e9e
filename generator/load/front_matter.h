#pragma once
// Splits a Markdown file into its YAML front matter and its body, keeping
// track of line numbers so that errors point at the line in the whole file.
#include <optional>
#include <string>
#include <string_view>

namespace zhuanlan {

struct FrontMatterSplit {
  std::string_view yaml;     // between the --- fences; empty when absent
  std::string_view body;
  int yaml_first_line = 0;   // file line of the first YAML line
  int body_first_line = 1;   // file line of the first body line
  bool present = false;
};

// A file may start with a UTF-8 BOM. Returns nullopt (with *error and
// *error_line) when the opening fence is never closed.
std::optional<FrontMatterSplit> split_front_matter(std::string_view text, std::string* error, int* error_line);

}  // namespace zhuanlan
