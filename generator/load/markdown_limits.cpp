#include "load/markdown_limits.h"

namespace zhuanlan {
namespace {

// The cells a line would have as a GFM table row: its unescaped pipes
// separate them, leading and trailing pipes are optional. cmark-gfm's time
// grows with the cells of every row, not only with the delimiter row's
// (40,000 cells in one body row under a two-column header took 7 s), so
// every line is counted, whether or not it is in a table.
std::size_t row_cells(std::string_view line) {
  std::size_t pipes = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;  // \| is a pipe inside a cell
    } else if (line[i] == '|') {
      ++pipes;
    }
  }
  if (pipes == 0) return 0;
  const std::size_t begin = line.find_first_not_of(" \t");
  const std::size_t end = line.find_last_not_of(" \t\r");
  std::size_t cells = pipes + 1;
  if (line[begin] == '|') --cells;
  if (line[end] == '|' && end != begin) --cells;
  return cells;
}

}  // namespace

bool markdown_within_limits(std::string_view text, const std::string& file, int first_line,
                            Diagnostics& diagnostics) {
  if (text.size() > kMaxMarkdownBodyBytes) {
    diagnostics.error(file, first_line,
                      "正文有 " + std::to_string(text.size() / 1000) + " KB，超过了正文的上限 " +
                          std::to_string(kMaxMarkdownBodyBytes / 1'000'000) +
                          " MB。请把内容分成几篇，或把大段数据改为附件或图片");
    return false;
  }
  bool ok = true;
  int line_number = first_line;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t cells = row_cells(text.substr(start, end - start));
    if (cells > kMaxTableColumns) {
      diagnostics.error(file, line_number,
                        "表格有 " + std::to_string(cells) + " 列，超过了表格列数的上限 " +
                            std::to_string(kMaxTableColumns) + " 列。请把表格拆成几个，或改为附件");
      ok = false;
    }
    start = end + 1;
    ++line_number;
  }
  return ok;
}

}  // namespace zhuanlan
