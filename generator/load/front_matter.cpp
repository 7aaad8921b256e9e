#include "load/front_matter.h"

namespace zhuanlan {
namespace {

// One line of the text and where the next one starts. A line ends at LF,
// CRLF or a lone CR (Windows Notepad writes CRLF, old Mac editors CR), so
// a file's line numbers are the same whichever it uses.
struct Line {
  std::string_view text;  // without its line ending
  std::size_t next;       // offset of the next line; text.size() past the end
  bool ended;             // false for a last line with no line ending
};

Line line_at(std::string_view text, std::size_t pos) {
  const std::size_t end = text.find_first_of("\r\n", pos);
  if (end == std::string_view::npos) return {text.substr(pos), text.size(), false};
  const std::size_t next = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? end + 2 : end + 1;
  return {text.substr(pos, end - pos), next, true};
}

std::string_view trim_end(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line) { return trim_end(line) == "---"; }

bool is_closing_fence(std::string_view line) {
  line = trim_end(line);
  return line == "---" || line == "...";
}

}  // namespace

std::optional<FrontMatterSplit> split_front_matter(std::string_view text, std::string* error, int* error_line) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  FrontMatterSplit out;
  const Line first = line_at(text, 0);
  if (!first.ended || !is_fence(first.text)) {
    out.body = text;
    return out;
  }
  std::size_t pos = first.next;
  int line = 2;
  while (pos <= text.size()) {
    const Line current = line_at(text, pos);
    if (is_closing_fence(current.text)) {
      out.present = true;
      out.yaml = text.substr(first.next, pos - first.next);
      out.yaml_first_line = 2;
      out.body = text.substr(current.next);
      out.body_first_line = line + 1;
      return out;
    }
    if (!current.ended) break;
    pos = current.next;
    ++line;
  }
  *error = "文件开头的 front matter 没有结束：第 1 行的 --- 之后需要再写一行 --- 把它与正文分开";
  *error_line = 1;
  return std::nullopt;
}

}  // namespace zhuanlan
