#include "render/site_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "render/embedded_files.h"
#include "util/files.h"

namespace zhuanlan {
namespace {

using json = nlohmann::json;

const char* const kPath = "layouts/strings.json";

int line_at(const std::string& text, std::size_t byte) {
  const std::size_t end = std::min(byte, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

// The line of every member of the top-level object. nlohmann's SAX events
// carry no position, so the parser reads through an iterator that counts
// the newlines it passes (as load/json_document does for content files).
struct LineCountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char* position = nullptr;
  int* line = nullptr;
  reference operator*() const { return *position; }
  LineCountingIterator& operator++() {
    if (*position == '\n') ++*line;
    ++position;
    return *this;
  }
  LineCountingIterator operator++(int) {
    LineCountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const LineCountingIterator& other) const { return position == other.position; }
  bool operator!=(const LineCountingIterator& other) const { return position != other.position; }
};

struct MemberLines : nlohmann::json_sax<json> {
  const int* line = nullptr;
  int depth = 0;
  std::map<std::string, int> lines;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return ++depth, true; }
  bool end_object() override { return --depth, true; }
  bool start_array(std::size_t) override { return ++depth, true; }
  bool end_array() override { return --depth, true; }
  bool key(string_t& name) override {
    if (depth == 1) lines.emplace(name, *line);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

std::map<std::string, int> member_lines(const std::string& text) {
  int line = 1;
  MemberLines recorder;
  recorder.line = &line;
  json::sax_parse(LineCountingIterator{text.data(), &line}, LineCountingIterator{text.data() + text.size(), &line},
                  &recorder);
  return std::move(recorder.lines);
}

std::string shipped_strings() {
  for (const auto& file : embedded_files()) {
    if (file.path == kPath) return std::string(file.bytes);
  }
  return {};
}

// Parses one strings file into an object; nullopt and an error if it is not one.
std::optional<json> parse_strings(const std::string& text, const std::string& file, Diagnostics& diagnostics) {
  json value;
  try {
    value = json::parse(text);
  } catch (const json::parse_error& e) {
    diagnostics.error(file, line_at(text, e.byte > 0 ? e.byte - 1 : 0),
                      "文字文件不是正确的 JSON，请检查引号、逗号和大括号是否成对（每项写成 \"名称\": \"文字\", 最后一项后面不加逗号）");
    return std::nullopt;
  } catch (const json::exception&) {
    diagnostics.error(file, 0, "文字文件无法读取，请检查是否为 UTF-8 编码的 JSON");
    return std::nullopt;
  }
  if (!value.is_object()) {
    diagnostics.error(file, 1, "文字文件应当是一对大括号 { } 括起的 \"名称\": \"文字\" 列表");
    return std::nullopt;
  }
  return value;
}

}  // namespace

const std::string& SiteText::get(std::string_view key) const {
  const auto it = texts_.find(key);
  if (it == texts_.end()) {
    throw std::runtime_error("程序自带的 layouts/strings.json 中没有文字项“" + std::string(key) + "”");
  }
  return it->second;
}

std::string SiteText::fill(std::string_view key, const Values& values) {
  const auto it = templates_.find(key);
  if (it == templates_.end()) return get(key);
  kainjow::mustache::data d;
  for (const auto& [name, value] : values) d.set(name, value);
  return it->second.render(d);
}

bool SiteText::set(const std::string& key, const std::string& text, std::string& error_message) {
  templates_.erase(key);
  if (text.find("{{") != std::string::npos) {
    kainjow::mustache::mustache compiled(text);
    if (!compiled.is_valid()) {
      error_message = compiled.error_message();
      return false;
    }
    // The page template escapes the filled text where it shows it.
    compiled.set_custom_escape([](const std::string& value) { return value; });
    templates_.insert_or_assign(key, std::move(compiled));
  }
  texts_.insert_or_assign(key, text);
  return true;
}

std::optional<SiteText> load_site_text(const std::filesystem::path& site_dir, Diagnostics& diagnostics) {
  const std::string shipped_path = std::string("程序自带的 ") + kPath;
  const std::string shipped_text = shipped_strings();
  const auto shipped = parse_strings(shipped_text, shipped_path, diagnostics);
  if (!shipped) return std::nullopt;
  SiteText text;
  bool ok = true;
  std::string error_message;
  for (const auto& [key, value] : shipped->items()) {
    if (!value.is_string() || !text.set(key, value.get<std::string>(), error_message)) {
      diagnostics.error(shipped_path, 0, "文字项“" + key + "”有误");
      ok = false;
    }
  }
  const auto own_text = read_file(site_dir / kPath);
  if (!own_text) return ok ? std::optional<SiteText>(std::move(text)) : std::nullopt;

  const auto own = parse_strings(*own_text, kPath, diagnostics);
  if (!own) return std::nullopt;
  const auto lines = member_lines(*own_text);
  const auto line_of = [&](const std::string& key) {
    const auto it = lines.find(key);
    return it == lines.end() ? 0 : it->second;
  };
  for (const auto& [key, value] : own->items()) {
    if (!text.has(key)) {
      diagnostics.warning(kPath, line_of(key),
                          "程序不认识文字项“" + key + "”，它不会出现在网页上。请检查名称是否与程序自带的 " +
                              kPath + " 中的一致（名称不要改，只改冒号后面的文字）");
      continue;
    }
    if (!value.is_string()) {
      diagnostics.error(kPath, line_of(key), "文字项“" + key + "”应当是加引号的文字，例如 \"" + key + "\": \"……\"");
      ok = false;
      continue;
    }
    if (!text.set(key, value.get<std::string>(), error_message)) {
      diagnostics.error(kPath, line_of(key),
                        "文字项“" + key + "”中的 {{ }} 有误：" + error_message + "。占位符写成 {{页码}} 这样，成对的两个大括号");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return text;
}

}  // namespace zhuanlan
