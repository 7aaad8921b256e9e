#include "load/yaml_fields.h"

#include <yaml.h>

#include <algorithm>
#include <cctype>
#include <sstream>


namespace zhuanlan {
namespace {

bool is_null_text(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// y/n, yes/no, true/false, on/off in lower case, upper case or with a
// capital first letter: the words YAML 1.1 (and yaml-cpp, which read these
// files before) take as booleans.
std::optional<bool> boolean_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const bool all_lower = std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::isupper(c); });
  const bool all_upper = std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::islower(c); });
  const bool capitalised = std::isupper(static_cast<unsigned char>(text[0])) &&
                           std::none_of(text.begin() + 1, text.end(), [](unsigned char c) { return std::isupper(c); });
  if (!all_lower && !all_upper && !capitalised) return std::nullopt;
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::pair<const char*, const char*> words[] = {{"y", "n"}, {"yes", "no"}, {"true", "false"}, {"on", "off"}};
  for (const auto& [yes, no] : words) {
    if (lower == yes) return true;
    if (lower == no) return false;
  }
  return std::nullopt;
}

// As yaml-cpp read integers: a stream with the base taken from the prefix
// (0x hex, 0 octal), nothing but spaces after the number.
std::optional<long long> integer_of(const std::string& text) {
  std::stringstream stream(text);
  stream.unsetf(std::ios::dec);
  long long value = 0;
  if ((stream >> std::noskipws >> value) && (stream >> std::ws).eof()) return value;
  return std::nullopt;
}

// C0 controls other than tab and line feed, DEL, and the C1 controls
// (U+0080–U+009F, in UTF-8 C2 80–C2 9F).
bool has_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0 &&
        static_cast<unsigned char>(text[i + 1]) >= 0x80)
      return true;
  }
  return false;
}

// Builds a YamlDocument from libyaml's events.
class TreeBuilder {
 public:
  // Returns false (with *problem and *line) on an alias without its anchor.
  bool add(const yaml_event_t& event, std::string* problem, int* line) {
    switch (event.type) {
      case YAML_SCALAR_EVENT: {
        const auto& s = event.data.scalar;
        const std::string_view text(reinterpret_cast<const char*>(s.value), s.length);
        YamlNode node;
        node.line = static_cast<int>(event.start_mark.line);
        if (s.plain_implicit && s.style == YAML_PLAIN_SCALAR_STYLE && is_null_text(text)) {
          node.kind = YamlNode::Kind::null;
        } else {
          node.kind = YamlNode::Kind::scalar;
          node.scalar = text;
        }
        const int index = attach(std::move(node));
        remember(s.anchor, index);
        return true;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        YamlNode node;
        node.kind = event.type == YAML_SEQUENCE_START_EVENT ? YamlNode::Kind::sequence : YamlNode::Kind::map;
        node.line = static_cast<int>(event.start_mark.line);
        const int index = attach(std::move(node));
        const yaml_char_t* anchor =
            event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor;
        open_.push_back({index, anchor ? reinterpret_cast<const char*>(anchor) : ""});
        return true;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        // An anchor counts from its node's end, so an alias inside its own
        // node is an error rather than a cycle.
        if (!open_.back().anchor.empty()) anchors_[open_.back().anchor] = open_.back().index;
        open_.pop_back();
        return true;
      case YAML_ALIAS_EVENT: {
        const auto it = anchors_.find(reinterpret_cast<const char*>(event.data.alias.anchor));
        if (it == anchors_.end()) {
          *problem = "found undefined alias";
          *line = static_cast<int>(event.start_mark.line);
          return false;
        }
        if (open_.empty()) {
          document_.nodes.push_back(document_.nodes[static_cast<std::size_t>(it->second)]);
        } else {
          document_.nodes[static_cast<std::size_t>(open_.back().index)].children.push_back(it->second);
        }
        return true;
      }
      default:
        return true;
    }
  }

  YamlDocument take() {
    if (document_.nodes.empty()) document_.nodes.emplace_back();
    return std::move(document_);
  }

 private:
  struct Open {
    int index;
    std::string anchor;
  };

  int attach(YamlNode node) {
    const int index = static_cast<int>(document_.nodes.size());
    document_.nodes.push_back(std::move(node));
    if (!open_.empty()) document_.nodes[static_cast<std::size_t>(open_.back().index)].children.push_back(index);
    return index;
  }

  void remember(const yaml_char_t* anchor, int index) {
    if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = index;
  }

  YamlDocument document_;
  std::vector<Open> open_;
  std::map<std::string, int, std::less<>> anchors_;
};

// The 0-based line of a byte offset in text, counting LF, CRLF and CR.
int line_at_offset(std::string_view text, std::size_t offset) {
  int line = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
  }
  return line;
}

}  // namespace

YamlFields::YamlFields(YamlDocument document, std::string file, int first_line, Diagnostics& diagnostics)
    : document_(std::move(document)), file_(std::move(file)), first_line_(first_line), diagnostics_(diagnostics) {
  // One pass over the map: each field is then found by name, not by
  // walking every entry again. YAML forbids a key written twice; the first
  // one is used, as before, and the second is pointed out.
  const YamlNode& map = document_.root();
  if (map.kind != YamlNode::Kind::map) return;
  for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
    const YamlNode& key = document_.node(map.children[i]);
    if (key.kind != YamlNode::Kind::scalar) continue;
    const auto [it, inserted] = entries_.emplace(key.scalar, Entry{map.children[i], map.children[i + 1]});
    if (!inserted) {
      const int first = node_line(document_.node(it->second.key));
      diagnostics_.warning(file_, node_line(key),
                           "字段 " + key.scalar + " 写了两次（第 " + std::to_string(first) + " 行和第 " +
                               std::to_string(node_line(key)) + " 行），只会使用第 " + std::to_string(first) +
                               " 行的值；请删掉多余的一行");
    }
  }
}

const YamlNode* YamlFields::find(const std::string& key) const {
  const auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &document_.node(it->second.value);
}

bool YamlFields::has(const std::string& key) const {
  const YamlNode* node = find(key);
  return node && node->kind != YamlNode::Kind::null;
}

int YamlFields::line_of(const std::string& key) const {
  const auto it = entries_.find(key);
  if (it == entries_.end()) return first_line_ - 1;  // the opening fence
  // An empty value (title:) has no place of its own: use the key's line.
  const YamlNode& value = document_.node(it->second.value);
  if (value.kind == YamlNode::Kind::null) return node_line(document_.node(it->second.key));
  return node_line(value);
}

bool YamlFields::refuse_control_characters(const std::string& key, const YamlNode& node) {
  if (!has_control_character(node.scalar)) return false;
  diagnostics_.error(file_, node_line(node),
                     "字段 " + key +
                         " 含有看不见的控制字符（例如用 \\0、\\x07 这样的转义写成的字符），它们无法显示在网页上；"
                         "请删掉这些转义，只写文字");
  return true;
}

std::optional<std::string> YamlFields::text(const std::string& key, bool required, const std::string& meaning) {
  asked_.insert(key);
  const YamlNode* node = find(key);
  if (!node || node->kind == YamlNode::Kind::null || (node->kind == YamlNode::Kind::scalar && node->scalar.empty())) {
    if (required) {
      diagnostics_.error(file_, line_of(key),
                         "缺少必填字段 " + key + "（" + meaning + "），请在 front matter 中写上 " + key + ": ……");
    }
    return std::nullopt;
  }
  if (node->kind != YamlNode::Kind::scalar) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + "（" + meaning + "）应当是一段文字，不是列表或表格");
    return std::nullopt;
  }
  if (refuse_control_characters(key, *node)) return std::nullopt;
  return node->scalar;
}

bool YamlFields::boolean(const std::string& key, bool fallback) {
  asked_.insert(key);
  const YamlNode* node = find(key);
  if (!node || node->kind == YamlNode::Kind::null) return fallback;
  const auto value = node->kind == YamlNode::Kind::scalar ? boolean_of(node->scalar) : std::nullopt;
  if (!value) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + " 只能写 true 或 false");
    return fallback;
  }
  return *value;
}

std::optional<long long> YamlFields::integer(const std::string& key) {
  asked_.insert(key);
  const YamlNode* node = find(key);
  if (!node || node->kind == YamlNode::Kind::null) return std::nullopt;
  const auto value = node->kind == YamlNode::Kind::scalar ? integer_of(node->scalar) : std::nullopt;
  if (!value) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + " 应当是整数，例如 " + key + ": 1");
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> YamlFields::text_list(const std::string& key) {
  asked_.insert(key);
  std::vector<std::string> out;
  const YamlNode* node = find(key);
  if (!node || node->kind == YamlNode::Kind::null) return out;
  if (node->kind == YamlNode::Kind::scalar) {
    if (!node->scalar.empty() && !refuse_control_characters(key, *node)) out.push_back(node->scalar);
    return out;
  }
  if (node->kind != YamlNode::Kind::sequence) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + " 应当是列表，例如 " + key + ": [技能竞赛, 产教融合]");
    return out;
  }
  for (const int index : node->children) {
    const YamlNode& element = document_.node(index);
    if (element.kind != YamlNode::Kind::scalar) {
      diagnostics_.error(file_, node_line(element), "字段 " + key + " 的每一项都应当是一段文字");
      continue;
    }
    if (!element.scalar.empty() && !refuse_control_characters(key, element)) out.push_back(element.scalar);
  }
  return out;
}

std::vector<YamlFields::Record> YamlFields::record_list(const std::string& key, const std::string& example) {
  asked_.insert(key);
  std::vector<Record> out;
  const YamlNode* node = find(key);
  if (!node || node->kind == YamlNode::Kind::null) return out;
  if (node->kind != YamlNode::Kind::sequence) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + " 应当是列表，每项一行，例如\n" + example);
    return out;
  }
  for (const int index : node->children) {
    const YamlNode& element = document_.node(index);
    if (element.kind != YamlNode::Kind::map) {
      diagnostics_.error(file_, node_line(element), "字段 " + key + " 的每一项都应当是 {…} 括起来的一组内容，例如\n" + example);
      continue;
    }
    Record record;
    record.line = node_line(element);
    for (std::size_t i = 0; i + 1 < element.children.size(); i += 2) {
      const YamlNode& name = document_.node(element.children[i]);
      const YamlNode& value = document_.node(element.children[i + 1]);
      if (name.kind != YamlNode::Kind::scalar || value.kind == YamlNode::Kind::sequence ||
          value.kind == YamlNode::Kind::map) {
        diagnostics_.error(file_, node_line(value), "字段 " + key + " 中的每个值都应当是一段文字，例如\n" + example);
        continue;
      }
      if (refuse_control_characters(key, value)) continue;
      record.values.emplace(name.scalar, std::make_pair(value.scalar, node_line(value)));
    }
    out.push_back(std::move(record));
  }
  return out;
}

void YamlFields::warn_unknown_keys() {
  const YamlNode& map = document_.root();
  for (std::size_t i = 0; i + 1 < map.children.size(); i += 2) {
    const YamlNode& key_node = document_.node(map.children[i]);
    const std::string key = key_node.kind == YamlNode::Kind::scalar ? key_node.scalar : std::string("?");
    if (asked_.count(key) == 0) {
      diagnostics_.warning(file_, node_line(key_node),
                           "不认识的字段 " + key + "，它不会出现在网站上；如果是拼写错误请改正");
    }
  }
}

std::optional<YamlDocument> parse_front_matter_yaml(std::string_view yaml, const std::string& file, int first_line,
                                                    Diagnostics& diagnostics) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) {
    diagnostics.error(file, first_line, "内存不足，无法读取 front matter");
    return std::nullopt;
  }
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(yaml.data()), yaml.size());
  yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
  TreeBuilder builder;
  std::string problem;
  int problem_line = -1;
  bool done = false;
  while (!done) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      problem = parser.problem ? parser.problem : "syntax error";
      if (parser.context) problem = std::string(parser.context) + ": " + problem;
      problem_line = parser.error == YAML_READER_ERROR ? line_at_offset(yaml, parser.problem_offset)
                                                       : static_cast<int>(parser.problem_mark.line);
      break;
    }
    // Only the first document counts (the fences allow no second one).
    done = event.type == YAML_DOCUMENT_END_EVENT || event.type == YAML_STREAM_END_EVENT;
    const bool ok = builder.add(event, &problem, &problem_line);
    yaml_event_delete(&event);
    if (!ok) break;
  }
  yaml_parser_delete(&parser);
  if (problem_line >= 0) {
    diagnostics.error(file, first_line + problem_line,
                      "front matter 不是有效的 YAML（" + problem +
                          "）。常见原因：值里含有英文冒号加空格、以 [ { # 等符号开头，"
                          "或缩进不一致；请给这个值加上英文引号，例如 title: \"标题：副标题\"");
    return std::nullopt;
  }
  YamlDocument document = builder.take();
  if (document.root().kind == YamlNode::Kind::null) {
    document.nodes.assign(1, YamlNode{YamlNode::Kind::map, {}, 0, {}});
    return document;
  }
  if (document.root().kind != YamlNode::Kind::map) {
    diagnostics.error(file, first_line, "front matter 应当是“字段: 值”的形式，每行一个字段，例如 title: 新闻标题");
    return std::nullopt;
  }
  return document;
}

}  // namespace zhuanlan
