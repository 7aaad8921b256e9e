#include "load/csv.h"

namespace zhuanlan {

std::string column_letters(int column) {
  std::string out;
  for (int n = column; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

CsvTable parse_csv(std::string_view text) {
  CsvTable table;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false;
  bool after_closing_quote = false;  // the field was quoted and its closing quote has passed
  bool reported_after_quote = false;
  bool row_started = false;          // anything, even an empty field, has been read on this row
  int quote_row = 0, quote_column = 0;

  const auto row_number = [&] { return static_cast<int>(table.rows.size()) + 1; };
  const auto column_number = [&] { return static_cast<int>(row.size()) + 1; };
  const auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    after_closing_quote = false;
    reported_after_quote = false;
  };
  const auto end_row = [&] {
    end_field();
    table.rows.push_back(std::move(row));
    row.clear();
    row_started = false;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
          after_closing_quote = true;
        }
      } else if (c == '\r') {
        // CRLF or a lone CR (old Mac files) inside a cell is one line break.
        field += '\n';
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      } else {
        field += c;
      }
      continue;
    }
    if (c == ',') {
      end_field();
      row_started = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
    } else if (c == '"' && field.empty() && !after_closing_quote) {
      in_quotes = true;
      row_started = true;
      quote_row = row_number();
      quote_column = column_number();
    } else if (after_closing_quote) {
      // Spaces after the closing quote are harmless; anything else means the
      // quotes were not meant as RFC 4180 quoting.
      if (c == ' ' || c == '\t') continue;
      if (!reported_after_quote) {
        table.problems.push_back(
            {row_number(), column_number(),
             "这个单元格的结束引号后面还有文字。单元格内容里的英文双引号要写成两个（\"\"），"
             "并把整个单元格用英文双引号括起来；用表格软件另存为 CSV 会自动这样做"});
        reported_after_quote = true;
      }
      field += c;
    } else {
      // A quote inside an unquoted cell is kept as it is, as spreadsheets do.
      field += c;
      row_started = true;
    }
  }
  if (in_quotes) {
    table.problems.push_back(
        {quote_row, quote_column,
         "这个单元格以英文双引号开始，但直到文件末尾都没有结束的引号，后面的内容都被当成了这个单元格。"
         "请补上结束的引号，或把单元格内容里的英文双引号写成两个（\"\"）"});
  }
  if (row_started || !field.empty() || in_quotes || after_closing_quote) end_row();
  return table;
}

}  // namespace zhuanlan
