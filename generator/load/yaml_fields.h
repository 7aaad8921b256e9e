#pragma once
// Reads typed fields out of a YAML front matter map, reporting every problem
// with the line it is on. Keys that nobody reads are reported as warnings,
// so that a misspelt key (titel:) is never silently dropped.
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace zhuanlan {

class YamlFields {
 public:
  // first_line: the file line on which the YAML text starts.
  YamlFields(const YAML::Node& map, std::string file, int first_line, Diagnostics& diagnostics);

  // A text value; a required one that is missing or empty is an error.
  std::optional<std::string> text(const std::string& key, bool required, const std::string& meaning);
  bool boolean(const std::string& key, bool fallback);
  std::optional<long long> integer(const std::string& key);
  // A list of texts; a single text is taken as a list of one.
  std::vector<std::string> text_list(const std::string& key);

  bool has(const std::string& key) const;
  // The file line of the key's value (or of the key), for later checks.
  int line_of(const std::string& key) const;
  const std::string& file() const { return file_; }

  // Reports every key that was never asked for.
  void warn_unknown_keys();

 private:
  YAML::Node find(const std::string& key) const;
  int node_line(const YAML::Node& node) const;

  struct Entry {
    YAML::Node key, value;
  };

  YAML::Node map_;
  std::map<std::string, Entry, std::less<>> entries_;  // the first entry of each text key, looked up by name
  std::string file_;
  int first_line_;
  Diagnostics& diagnostics_;
  std::set<std::string> asked_;
};

// Parses front matter text; on a syntax error records it and returns nullopt.
std::optional<YAML::Node> parse_front_matter_yaml(const std::string& yaml, const std::string& file, int first_line,
                                                  Diagnostics& diagnostics);

}  // namespace zhuanlan
