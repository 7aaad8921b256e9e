#pragma once
// JSON with line numbers. nlohmann/json's DOM does not keep positions, so a
// SAX pass over the same text (before the DOM is built) records the line of
// every key and array element in a tree parallel to the document; errors
// about a value can then name the line it is on, as they can for YAML. The
// tree stores each member name once, so its size is linear in the text
// (full JSON pointers per value were quadratic in the nesting depth).
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace zhuanlan {

// Deeper nesting is refused: no content file needs more than a few levels,
// and the limit keeps a hostile file from costing memory and stack.
inline constexpr int kMaxJsonDepth = 64;

struct JsonDocument {
  nlohmann::json value;
  // Node 0 is the whole document (line 1); every member and array element is
  // a node, found by its parent node and pointer token ("week", "0").
  std::vector<int> node_lines;
  std::map<std::pair<std::size_t, std::string>, std::size_t> children;

  // The line of the JSON pointer ("/week/start"), or of its nearest parent that has one.
  int line_of(const std::string& pointer) const;
};

// Reads and parses; on a syntax error, invalid UTF-8, a number out of range,
// nesting deeper than kMaxJsonDepth or any other library exception records a
// Chinese message with the line and returns nullopt. A member name given twice
// in one object is a warning naming both lines (the last one counts). A UTF-8
// BOM is skipped; lines may end in LF, CRLF or CR.
std::optional<JsonDocument> parse_json_document(const std::string& text, const std::string& file,
                                                Diagnostics& diagnostics);

// Reads typed members of one JSON object, with the same care as YamlFields.
class JsonFields {
 public:
  JsonFields(const JsonDocument& doc, std::string pointer, std::string file, Diagnostics& diagnostics);

  bool is_object() const;
  std::optional<std::string> text(const std::string& key, bool required, const std::string& meaning);
  std::optional<bool> boolean(const std::string& key);
  std::optional<long long> integer(const std::string& key, const std::string& meaning);
  std::vector<std::string> text_list(const std::string& key, const std::string& meaning);
  // A nested object; nullopt (and an error if present but not an object).
  std::optional<JsonFields> object(const std::string& key, const std::string& meaning);
  // A list of objects, such as "images": [ { "src": …, "caption": … } ]; an
  // element that is not an object is an error and left out.
  std::vector<JsonFields> object_list(const std::string& key, const std::string& meaning);
  // Every member name of a nested object with its text value (for maps such as day_themes).
  std::vector<std::pair<std::string, std::string>> text_map(const std::string& key, const std::string& meaning);

  int line_of(const std::string& key) const;
  const std::string& file() const { return file_; }
  // Marks a member as read by other means, so it is not reported as unknown.
  void asked(const std::string& key) { asked_.insert(key); }
  void warn_unknown_keys();

 private:
  const nlohmann::json* member(const std::string& key) const;
  // An error (and false) if the text holds a control character other than tab or a line break.
  bool refuse_control_characters(const std::string& value, int line, const std::string& key);

  const JsonDocument* doc_;
  std::string pointer_;
  std::string file_;
  Diagnostics* diagnostics_;
  std::set<std::string> asked_;
};

// The JSON pointer escape of one member name.
std::string json_pointer_token(const std::string& key);

}  // namespace zhuanlan
