#include "load/json_document.h"

#include <iterator>

#include "util/text.h"

namespace zhuanlan {
namespace {

using nlohmann::json;

// An input iterator over the text that counts the newlines it has passed.
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

// Records the line of every member and array element by JSON pointer.
struct LineRecorder : nlohmann::json_sax<json> {
  struct Level {
    std::string pointer;
    bool is_array = false;
    std::size_t next_index = 0;
    std::string pending_key;
  };
  const int* line = nullptr;
  std::vector<Level> stack;
  std::map<std::string, int>* lines = nullptr;

  // Called when a value starts; returns its pointer.
  std::string value_pointer() {
    if (stack.empty()) return "";
    Level& top = stack.back();
    if (top.is_array) {
      const std::string pointer = top.pointer + "/" + std::to_string(top.next_index++);
      lines->emplace(pointer, *line);
      return pointer;
    }
    return top.pointer + "/" + json_pointer_token(top.pending_key);
  }
  bool scalar() {
    value_pointer();
    return true;
  }
  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool string(string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool start_object(std::size_t) override {
    stack.push_back({value_pointer(), false, 0, {}});
    return true;
  }
  bool key(string_t& name) override {
    stack.back().pending_key = name;
    lines->emplace(stack.back().pointer + "/" + json_pointer_token(name), *line);
    return true;
  }
  bool end_object() override {
    stack.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    stack.push_back({value_pointer(), true, 0, {}});
    return true;
  }
  bool end_array() override {
    stack.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

int line_at_byte(const std::string& text, std::size_t byte) {
  int line = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
}

std::string type_name(const json& value) {
  if (value.is_string()) return "文字";
  if (value.is_number()) return "数字";
  if (value.is_boolean()) return "true/false";
  if (value.is_array()) return "列表 [ ]";
  if (value.is_object()) return "对象 { }";
  return "null";
}

}  // namespace

std::string json_pointer_token(const std::string& key) {
  std::string out;
  for (const char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

int JsonDocument::line_of(std::string pointer) const {
  while (true) {
    const auto it = lines.find(pointer);
    if (it != lines.end()) return it->second;
    const std::size_t slash = pointer.rfind('/');
    if (slash == std::string::npos || pointer.empty()) return 1;
    pointer.erase(slash);
  }
}

std::optional<JsonDocument> parse_json_document(const std::string& text, const std::string& file,
                                                Diagnostics& diagnostics) {
  if (const auto bad = find_invalid_utf8(text)) {
    diagnostics.error(file, line_at_byte(text, *bad),
                      "文件不是有效的 UTF-8 编码（第 " + std::to_string(*bad + 1) +
                          " 个字节）。请用文本编辑器把文件另存为“UTF-8”编码");
    return std::nullopt;
  }
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  JsonDocument doc;
  try {
    doc.value = json::parse(body.begin(), body.end());
  } catch (const json::parse_error& e) {
    const std::size_t offset = text.size() - body.size();
    const int line = line_at_byte(text, offset + (e.byte > 0 ? e.byte - 1 : 0));
    diagnostics.error(file, line,
                      "JSON 格式错误，在这一行附近。常见原因：少了或多了逗号、引号不成对、用了中文引号“”或中文逗号，"
                      "最后一项后面多了逗号。（解析器的说明：" + std::string(e.what()) + "）");
    return std::nullopt;
  }
  int line = 1;
  LineRecorder recorder;
  recorder.line = &line;
  recorder.lines = &doc.lines;
  LineCountingIterator first{body.data(), &line};
  LineCountingIterator last{body.data() + body.size(), &line};
  json::sax_parse(first, last, &recorder);
  doc.lines.emplace("", 1);
  return doc;
}

JsonFields::JsonFields(const JsonDocument& doc, std::string pointer, std::string file, Diagnostics& diagnostics)
    : doc_(&doc), pointer_(std::move(pointer)), file_(std::move(file)), diagnostics_(&diagnostics) {}

bool JsonFields::is_object() const {
  return doc_->value.at(json::json_pointer(pointer_)).is_object();
}

const json* JsonFields::member(const std::string& key) const {
  const json& object = doc_->value.at(json::json_pointer(pointer_));
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

int JsonFields::line_of(const std::string& key) const {
  return doc_->line_of(pointer_ + "/" + json_pointer_token(key));
}

std::optional<std::string> JsonFields::text(const std::string& key, bool required, const std::string& meaning) {
  asked_.insert(key);
  const json* value = member(key);
  if (value == nullptr || value->is_null() || (value->is_string() && value->get_ref<const std::string&>().empty())) {
    if (required) {
      diagnostics_->error(file_, value ? line_of(key) : doc_->line_of(pointer_),
                          "缺少必填项 \"" + key + "\"（" + meaning + "），请写上 \"" + key + "\": \"……\"");
    }
    return std::nullopt;
  }
  if (!value->is_string()) {
    diagnostics_->error(file_, line_of(key),
                        "\"" + key + "\"（" + meaning + "）应当是加引号的文字，现在是" + type_name(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<bool> JsonFields::boolean(const std::string& key) {
  asked_.insert(key);
  const json* value = member(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_boolean()) {
    diagnostics_->error(file_, line_of(key), "\"" + key + "\" 只能写 true 或 false（不加引号）");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<long long> JsonFields::integer(const std::string& key, const std::string& meaning) {
  asked_.insert(key);
  const json* value = member(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_number_integer()) {
    diagnostics_->error(file_, line_of(key),
                        "\"" + key + "\"（" + meaning + "）应当是不加引号的整数，现在是" + type_name(*value));
    return std::nullopt;
  }
  return value->get<long long>();
}

std::vector<std::string> JsonFields::text_list(const std::string& key, const std::string& meaning) {
  asked_.insert(key);
  std::vector<std::string> out;
  const json* value = member(key);
  if (value == nullptr || value->is_null()) return out;
  if (!value->is_array()) {
    diagnostics_->error(file_, line_of(key), "\"" + key + "\"（" + meaning + "）应当是列表，例如 [\"甲\", \"乙\"]");
    return out;
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& element = (*value)[i];
    if (!element.is_string()) {
      diagnostics_->error(file_, doc_->line_of(pointer_ + "/" + json_pointer_token(key) + "/" + std::to_string(i)),
                          "\"" + key + "\" 的第 " + std::to_string(i + 1) + " 项应当是加引号的文字");
      continue;
    }
    out.push_back(element.get<std::string>());
  }
  return out;
}

std::optional<JsonFields> JsonFields::object(const std::string& key, const std::string& meaning) {
  asked_.insert(key);
  const json* value = member(key);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_object()) {
    diagnostics_->error(file_, line_of(key), "\"" + key + "\"（" + meaning + "）应当是 { } 括起来的对象");
    return std::nullopt;
  }
  return JsonFields(*doc_, pointer_ + "/" + json_pointer_token(key), file_, *diagnostics_);
}

std::vector<JsonFields> JsonFields::object_list(const std::string& key, const std::string& meaning) {
  asked_.insert(key);
  std::vector<JsonFields> out;
  const json* value = member(key);
  if (value == nullptr || value->is_null()) return out;
  if (!value->is_array()) {
    diagnostics_->error(file_, line_of(key), "\"" + key + "\"（" + meaning + "）应当是 [ ] 括起来的列表，每一项是 { } 括起来的对象");
    return out;
  }
  const std::string list_pointer = pointer_ + "/" + json_pointer_token(key);
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string element = list_pointer + "/" + std::to_string(i);
    if (!(*value)[i].is_object()) {
      diagnostics_->error(file_, doc_->line_of(element),
                          "\"" + key + "\" 的第 " + std::to_string(i + 1) + " 项应当是 { } 括起来的对象");
      continue;
    }
    out.emplace_back(*doc_, element, file_, *diagnostics_);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> JsonFields::text_map(const std::string& key,
                                                                      const std::string& meaning) {
  std::vector<std::pair<std::string, std::string>> out;
  auto nested = object(key, meaning);
  if (!nested) return out;
  const json& object = doc_->value.at(json::json_pointer(nested->pointer_));
  for (const auto& [name, value] : object.items()) {
    nested->asked_.insert(name);
    if (!value.is_string()) {
      diagnostics_->error(file_, nested->line_of(name), "\"" + name + "\" 的值应当是加引号的文字");
      continue;
    }
    out.emplace_back(name, value.get<std::string>());
  }
  return out;
}

void JsonFields::warn_unknown_keys() {
  const json& object = doc_->value.at(json::json_pointer(pointer_));
  if (!object.is_object()) return;
  for (const auto& [name, value] : object.items()) {
    if (asked_.count(name) == 0) {
      diagnostics_->warning(file_, line_of(name), "不认识的项 \"" + name + "\"，它不会被使用；如果是拼写错误请改正");
    }
  }
}

}  // namespace zhuanlan
