#pragma once
// JSON with line numbers. nlohmann/json's DOM does not keep positions, so a
// second, SAX pass over the same text records the line of every key and
// array element by its JSON pointer; errors about a value can then name the
// line it is on, as they can for YAML.
#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace zhuanlan {

struct JsonDocument {
  nlohmann::json value;
  std::map<std::string, int> lines;  // JSON pointer ("/week/start") -> 1-based line

  // The line of the pointer, or of its nearest parent that has one.
  int line_of(std::string pointer) const;
};

// Reads and parses; on a syntax error or invalid UTF-8 records a Chinese
// message with the line and returns nullopt.
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

  const JsonDocument* doc_;
  std::string pointer_;
  std::string file_;
  Diagnostics* diagnostics_;
  std::set<std::string> asked_;
};

// The JSON pointer escape of one member name.
std::string json_pointer_token(const std::string& key);

}  // namespace zhuanlan
