#include "load/front_matter.h"

namespace zhuanlan {
namespace {

bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

bool is_closing_fence(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || line == "...";
}

}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text, std::string* error, int* error_line) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  FrontMatterSplit out;
  const std::size_t first_end = text.find('\n');
  if (first_end == std::string_view::npos || !is_fence(text.substr(0, first_end))) {
    out.body = text;
    return out;
  }
  std::size_t pos = first_end + 1;
  int line = 2;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    const std::size_t line_end = end == std::string_view::npos ? text.size() : end;
    if (is_closing_fence(text.substr(pos, line_end - pos))) {
      out.present = true;
      out.yaml = text.substr(first_end + 1, pos - (first_end + 1));
      out.yaml_first_line = 2;
      out.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
      out.body_first_line = line + 1;
      return out;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  *error = "文件开头的 front matter 没有结束：第 1 行的 --- 之后需要再写一行 --- 把它与正文分开";
  *error_line = 1;
  return std::nullopt;
}

}  // namespace zhuanlan
