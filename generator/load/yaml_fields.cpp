#include "load/yaml_fields.h"

#include "util/text.h"

namespace zhuanlan {

YamlFields::YamlFields(const YAML::Node& map, std::string file, int first_line, Diagnostics& diagnostics)
    : map_(map), file_(std::move(file)), first_line_(first_line), diagnostics_(diagnostics) {
  // One pass over the map: each field is then found by name, not by
  // walking every entry again.
  for (const auto& entry : map_) {
    if (entry.first.IsScalar()) entries_.emplace(entry.first.Scalar(), Entry{entry.first, entry.second});
  }
}

YAML::Node YamlFields::find(const std::string& key) const {
  const auto it = entries_.find(key);
  return it == entries_.end() ? YAML::Node(YAML::NodeType::Undefined) : it->second.value;
}

int YamlFields::node_line(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  return mark.line < 0 ? first_line_ - 1 : first_line_ + mark.line;
}

bool YamlFields::has(const std::string& key) const {
  const YAML::Node node = find(key);
  return node.IsDefined() && !node.IsNull();
}

int YamlFields::line_of(const std::string& key) const {
  const auto it = entries_.find(key);
  if (it == entries_.end()) return first_line_ - 1;  // the opening fence
  // An empty value (title:) has no place of its own: yaml-cpp marks it
  // where the next token starts, so use the key's line.
  const Entry& entry = it->second;
  if (entry.value.IsNull() || entry.value.Mark().line < 0) return node_line(entry.key);
  return node_line(entry.value);
}

std::optional<std::string> YamlFields::text(const std::string& key, bool required, const std::string& meaning) {
  asked_.insert(key);
  const YAML::Node node = find(key);
  if (!node.IsDefined() || node.IsNull() || (node.IsScalar() && node.Scalar().empty())) {
    if (required) {
      diagnostics_.error(file_, line_of(key),
                         "缺少必填字段 " + key + "（" + meaning + "），请在 front matter 中写上 " + key + ": ……");
    }
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + "（" + meaning + "）应当是一段文字，不是列表或表格");
    return std::nullopt;
  }
  return node.Scalar();
}

bool YamlFields::boolean(const std::string& key, bool fallback) {
  asked_.insert(key);
  const YAML::Node node = find(key);
  if (!node.IsDefined() || node.IsNull()) return fallback;
  bool value = fallback;
  if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + " 只能写 true 或 false");
    return fallback;
  }
  return value;
}

std::optional<long long> YamlFields::integer(const std::string& key) {
  asked_.insert(key);
  const YAML::Node node = find(key);
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  long long value = 0;
  if (!node.IsScalar() || !YAML::convert<long long>::decode(node, value)) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + " 应当是整数，例如 " + key + ": 1");
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> YamlFields::text_list(const std::string& key) {
  asked_.insert(key);
  std::vector<std::string> out;
  const YAML::Node node = find(key);
  if (!node.IsDefined() || node.IsNull()) return out;
  if (node.IsScalar()) {
    if (!node.Scalar().empty()) out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) {
    diagnostics_.error(file_, line_of(key), "字段 " + key + " 应当是列表，例如 " + key + ": [技能竞赛, 产教融合]");
    return out;
  }
  for (const auto& element : node) {
    if (!element.IsScalar()) {
      diagnostics_.error(file_, node_line(element), "字段 " + key + " 的每一项都应当是一段文字");
      continue;
    }
    if (!element.Scalar().empty()) out.push_back(element.Scalar());
  }
  return out;
}

void YamlFields::warn_unknown_keys() {
  for (const auto& entry : map_) {
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : std::string("?");
    if (asked_.count(key) == 0) {
      diagnostics_.warning(file_, node_line(entry.first),
                           "不认识的字段 " + key + "，它不会出现在网站上；如果是拼写错误请改正");
    }
  }
}

std::optional<YAML::Node> parse_front_matter_yaml(const std::string& yaml, const std::string& file, int first_line,
                                                  Diagnostics& diagnostics) {
  try {
    YAML::Node root = YAML::Load(yaml);
    if (root.IsNull()) return YAML::Node(YAML::NodeType::Map);
    if (!root.IsMap()) {
      diagnostics.error(file, first_line,
                        "front matter 应当是“字段: 值”的形式，每行一个字段，例如 title: 新闻标题");
      return std::nullopt;
    }
    return root;
  } catch (const YAML::Exception& e) {
    const int line = e.mark.line < 0 ? first_line : first_line + e.mark.line;
    diagnostics.error(file, line,
                      "front matter 不是有效的 YAML（" + e.msg +
                          "）。常见原因：值里含有英文冒号加空格、以 [ { # 等符号开头，"
                          "或缩进不一致；请给这个值加上英文引号，例如 title: \"标题：副标题\"");
    return std::nullopt;
  }
}

}  // namespace zhuanlan
