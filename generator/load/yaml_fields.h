#pragma once
// Reads typed fields out of a YAML front matter map, reporting every problem
// with the line it is on. Keys that nobody reads are reported as warnings,
// so that a misspelt key (titel:) is never silently dropped, and a key
// written twice is reported with both lines.
//
// The YAML is parsed with libyaml's event API into a small tree of our own
// (YamlDocument): libyaml marks every event with its line, which is all the
// tree needs to keep for the messages.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostics.h"

namespace zhuanlan {

// One node of a parsed YAML text. Plain `~`, `null`, `Null`, `NULL` and an
// empty value are null, as YAML 1.2's core schema (and yaml-cpp) have it;
// every other scalar is kept as its text, quoted or not.
struct YamlNode {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  std::string scalar;
  int line = 0;                // 0-based line in the YAML text where the node starts
  std::vector<int> children;   // indexes into YamlDocument::nodes; a map's are key, value, key, value…
};

// An alias (*name) refers to its anchor's node, not to a copy, so a text
// full of aliases cannot grow in memory.
struct YamlDocument {
  std::vector<YamlNode> nodes;  // nodes[0] is the root (a map for front matter)
  const YamlNode& root() const { return nodes[0]; }
  const YamlNode& node(int index) const { return nodes[static_cast<std::size_t>(index)]; }
};

class YamlFields {
 public:
  // first_line: the file line on which the YAML text starts.
  YamlFields(YamlDocument document, std::string file, int first_line, Diagnostics& diagnostics);

  // A text value; a required one that is missing or empty is an error.
  // Control characters (written as YAML escapes such as "\0" or "\x07")
  // are refused with an error: they would reach the page invisibly.
  std::optional<std::string> text(const std::string& key, bool required, const std::string& meaning);
  bool boolean(const std::string& key, bool fallback);
  std::optional<long long> integer(const std::string& key);
  // A list of texts; a single text is taken as a list of one.
  std::vector<std::string> text_list(const std::string& key);

  // A list of small maps of texts, such as reviews: [{stage: 初审, by: 张三}],
  // each with its line and the line of each value. Anything else in the
  // list is an error.
  struct Record {
    int line = 0;
    std::map<std::string, std::pair<std::string, int>, std::less<>> values;  // key -> text, line
  };
  std::vector<Record> record_list(const std::string& key, const std::string& example);

  bool has(const std::string& key) const;
  // The file line of the key's value (or of the key), for later checks.
  int line_of(const std::string& key) const;
  // line_of for a key that was written, 0 for one that was not.
  int written_line(const std::string& key) const { return has(key) ? line_of(key) : 0; }
  const std::string& file() const { return file_; }

  // Reports every key that was never asked for.
  void warn_unknown_keys();

 private:
  const YamlNode* find(const std::string& key) const;
  int node_line(const YamlNode& node) const { return first_line_ + node.line; }
  bool refuse_control_characters(const std::string& key, const YamlNode& node);

  struct Entry {
    int key, value;
  };

  YamlDocument document_;
  std::map<std::string, Entry, std::less<>> entries_;  // the first entry of each text key, looked up by name
  std::string file_;
  int first_line_;
  Diagnostics& diagnostics_;
  std::set<std::string> asked_;
};

// Parses front matter text; on a syntax error records it and returns nullopt.
// The text may use LF, CRLF or CR line endings; values never keep a CR.
std::optional<YamlDocument> parse_front_matter_yaml(std::string_view yaml, const std::string& file, int first_line,
                                                    Diagnostics& diagnostics);

}  // namespace zhuanlan
