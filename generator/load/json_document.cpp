#include "load/json_document.h"

#include <cstdint>
#include <cstdio>
#include <iterator>

#include "util/text.h"

namespace zhuanlan {
namespace {

using nlohmann::json;

// True if the byte at `at` ends a line: LF, CRLF (counted at its LF) or a lone CR.
bool ends_line(const char* at, const char* end) {
  return *at == '\n' || (*at == '\r' && (at + 1 == end || at[1] != '\n'));
}

// An input iterator over the text that counts the line ends it has passed.
struct LineCountingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* position = nullptr;
  const char* end = nullptr;
  int* line = nullptr;

  reference operator*() const { return *position; }
  LineCountingIterator& operator++() {
    if (ends_line(position, end)) ++*line;
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

struct DuplicateKey {
  std::string name;
  int first_line = 0;
  int line = 0;
};

// Records the line of every member and array element into the document's
// node tree, refuses nesting beyond kMaxJsonDepth and notes repeated names.
struct LineRecorder : nlohmann::json_sax<json> {
  struct Level {
    std::size_t node = 0;
    bool is_array = false;
    std::size_t next_index = 0;
    std::size_t pending_node = 0;  // the member whose name was read last
  };
  const int* line = nullptr;
  JsonDocument* doc = nullptr;
  std::vector<Level> stack;
  std::vector<DuplicateKey> duplicates;
  int too_deep_line = 0;
  std::size_t error_byte = 0;
  std::string error_message;
  bool failed = false;

  std::size_t add_node(std::size_t parent, std::string token) {
    // A repeated name gets a fresh node: the last one counts, as in the DOM,
    // and its members are not mistaken for repeats of the first one's.
    const std::size_t node = doc->node_lines.size();
    doc->node_lines.push_back(*line);
    doc->children.insert_or_assign(std::pair{parent, std::move(token)}, node);
    return node;
  }
  // Called when a value starts; returns its node.
  std::size_t value_node() {
    if (stack.empty()) return 0;
    Level& top = stack.back();
    if (top.is_array) return add_node(top.node, std::to_string(top.next_index++));
    return top.pending_node;
  }
  bool scalar() {
    value_node();
    return true;
  }
  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool string(string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool open(bool is_array) {
    const std::size_t node = value_node();
    if (stack.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      too_deep_line = *line;
      failed = true;
      return false;
    }
    stack.push_back({node, is_array, 0, 0});
    return true;
  }
  bool start_object(std::size_t) override { return open(false); }
  bool key(string_t& name) override {
    Level& top = stack.back();
    std::string token = json_pointer_token(name);
    const auto known = doc->children.find({top.node, token});
    if (known != doc->children.end()) duplicates.push_back({name, doc->node_lines[known->second], *line});
    top.pending_node = add_node(top.node, std::move(token));
    return true;
  }
  bool end_object() override {
    stack.pop_back();
    return true;
  }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override {
    stack.pop_back();
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& e) override {
    failed = true;
    error_byte = byte;
    error_message = e.id == 406 ? "number_too_large" : e.what();
    return false;
  }
};

int line_at_byte(const std::string& text, std::size_t byte) {
  int line = 1;
  const char* end = text.data() + text.size();
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (ends_line(text.data() + i, end)) ++line;
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

int JsonDocument::line_of(const std::string& pointer) const {
  // Walks down the tree token by token, keeping the deepest line found.
  std::size_t node = 0;
  int line = node_lines.empty() ? 1 : node_lines[0];
  std::size_t at = 0;
  while (at < pointer.size() && pointer[at] == '/') {
    const std::size_t next = pointer.find('/', at + 1);
    const std::string token = pointer.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
    const auto it = children.find({node, token});
    if (it == children.end()) break;
    node = it->second;
    line = node_lines[node];
    if (next == std::string::npos) break;
    at = next;
  }
  return line;
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
  const std::size_t offset = text.size() - body.size();
  JsonDocument doc;
  doc.node_lines.push_back(1);
  int line = 1;
  LineRecorder recorder;
  recorder.line = &line;
  recorder.doc = &doc;
  try {
    LineCountingIterator first{body.data(), body.data() + body.size(), &line};
    LineCountingIterator last{body.data() + body.size(), body.data() + body.size(), &line};
    json::sax_parse(first, last, &recorder);
  } catch (const std::exception& e) {
    recorder.failed = true;
    recorder.error_byte = 0;
    recorder.error_message = e.what();
  }
  if (recorder.too_deep_line > 0) {
    diagnostics.error(file, recorder.too_deep_line,
                      "JSON 嵌套太深：{ } 或 [ ] 套了超过 " + std::to_string(kMaxJsonDepth) +
                          " 层。内容文件用不到这么多层，请检查括号是否成对");
    return std::nullopt;
  }
  if (recorder.failed) {
    const int error_line =
        recorder.error_byte > 0 ? line_at_byte(text, offset + recorder.error_byte - 1) : line;
    if (recorder.error_message == "number_too_large") {
      diagnostics.error(file, error_line,
                        "数字太大，超出了能处理的范围。请检查这一行的数字（例如 1e400）是否写错");
    } else {
      diagnostics.error(file, error_line,
                        "JSON 格式错误，在这一行附近。常见原因：少了或多了逗号、引号不成对、用了中文引号“”或中文逗号，"
                        "最后一项后面多了逗号。（解析器的说明：" + recorder.error_message + "）");
    }
    return std::nullopt;
  }
  try {
    doc.value = json::parse(body.begin(), body.end());
  } catch (const std::exception& e) {
    // The SAX pass accepted the text, so this is not expected; it is still the
    // user's file that caused it, so it is reported, never thrown on.
    diagnostics.error(file, 1, std::string("无法读取这个 JSON 文件（") + e.what() + "），请检查文件内容");
    return std::nullopt;
  }
  for (const DuplicateKey& d : recorder.duplicates) {
    diagnostics.warning(file, d.line,
                        "\"" + d.name + "\" 在同一个 { } 中写了两次（第 " + std::to_string(d.first_line) + " 行和第 " +
                            std::to_string(d.line) + " 行），只有后一个（第 " + std::to_string(d.line) +
                            " 行）有效；请删掉多余的一个");
  }
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
  const std::string& found = value->get_ref<const std::string&>();
  if (!refuse_control_characters(found, line_of(key), key)) return std::nullopt;
  return found;
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
  if (value->is_number_unsigned() &&
      value->get<nlohmann::json::number_unsigned_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    diagnostics_->error(file_, line_of(key), "\"" + key + "\"（" + meaning + "）这个数字太大，请检查是否写错");
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
    const std::string& found = element.get_ref<const std::string&>();
    if (!refuse_control_characters(found, doc_->line_of(pointer_ + "/" + json_pointer_token(key) + "/" + std::to_string(i)), key)) continue;
    out.push_back(found);
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
    if (!refuse_control_characters(value.get_ref<const std::string&>(), nested->line_of(name), name)) continue;
    out.emplace_back(name, value.get<std::string>());
  }
  return out;
}

bool JsonFields::refuse_control_characters(const std::string& value, int line, const std::string& key) {
  // Tab and line breaks are whitespace to every field that shows text; other
  // C0 controls (\u0000 …) and DEL would reach titles, file names and feeds.
  for (const unsigned char c : value) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "\\u%04X", c);
      diagnostics_->error(file_, line,
                          "\"" + key + "\" 的文字中有看不见的控制字符（" + code + "），请删掉它；" +
                              "复制粘贴时常会带进这种字符");
      return false;
    }
  }
  return true;
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
