#include "write/table_files.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <unistd.h>

#include "util/files.h"

namespace zhuanlan {
namespace {

// Column widths are in characters of the default font; a Chinese character
// takes two.
constexpr int kMinWidth = 6;
constexpr int kMaxWidth = 40;
constexpr double kLineHeight = 16;  // points per line of 11-point text
constexpr double kTitleHeight = 30;

// The widest line of a header cell: longer headings wrap onto up to three lines.
constexpr int kHeaderLines = 3;

int display_width(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) ++width;
    else if ((c & 0xC0) == 0xC0) width += 2;  // the lead byte of a non-ASCII character
  }
  return width;
}

int lines_needed(std::string_view text, int width) {
  const int usable = std::max(1, width - 1);
  return std::max(1, (display_width(text) + usable - 1) / usable);
}

double height_for(int lines) { return lines * kLineHeight + 4; }

// The columns each header line takes: the lines share the row, left to
// right, as the notices print them.
std::vector<std::pair<std::size_t, std::size_t>> header_line_segments(const StatTable& table) {
  std::vector<std::pair<std::size_t, std::size_t>> segments;
  const std::size_t columns = table.columns.size(), lines = table.header_lines.size();
  if (lines == 0) return segments;
  std::size_t start = 0;
  for (std::size_t i = 0; i < lines; ++i) {
    const std::size_t span = std::max<std::size_t>(1, columns / lines + (i < columns % lines ? 1 : 0));
    const std::size_t first = std::min(start, columns - 1);
    const std::size_t last = i + 1 == lines ? columns - 1 : std::min(columns - 1, first + span - 1);
    segments.push_back({first, last});
    start = last + 1;
  }
  return segments;
}

std::string header_line_text(const HeaderLine& line) { return line.label + line.value; }

// The first header row: a column's own title, or its group's title over the
// group's first column.
std::vector<std::string> first_header_row(const StatTable& table) {
  std::vector<std::string> row;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const StatColumn& column = table.columns[c];
    if (column.group.empty()) row.push_back(column.title);
    else row.push_back(c == 0 || table.columns[c - 1].group != column.group ? column.group : "");
  }
  return row;
}

std::vector<std::string> second_header_row(const StatTable& table) {
  std::vector<std::string> row;
  for (const auto& column : table.columns) row.push_back(column.group.empty() ? "" : column.title);
  return row;
}

std::vector<int> column_widths(const StatTable& table) {
  std::vector<int> widths;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const int header = display_width(table.columns[c].title);
    int width = std::max(std::min(header, 8), (header + kHeaderLines - 1) / kHeaderLines);
    for (const auto& row : table.rows) width = std::max(width, display_width(cell_text(row[c])) + 1);
    widths.push_back(std::clamp(width + 2, kMinWidth, kMaxWidth));
  }
  return widths;
}

int span_width(const std::vector<int>& widths, std::size_t first, std::size_t last) {
  int width = 0;
  for (std::size_t c = first; c <= last; ++c) width += widths[c];
  return width;
}

}  // namespace

std::string csv_text(const std::string& text) {
  // Excel, LibreOffice and Google Sheets read a cell starting with one of
  // these as a formula (tab and CR are stripped first by some of them), so
  // a title such as "=HYPERLINK(...)" from content would run when staff
  // open the file. The apostrophe is how spreadsheets themselves mark
  // "text, not formula".
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) return "'" + text;
  return text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string table_csv(const StatTable& table) {
  // The rows of the XLSX file, as a spreadsheet saves it as CSV: the
  // title, the header lines, the header rows, the rows, the rows below and
  // the 填表说明. Text is neutralised (csv_text); numbers stay numbers.
  std::string out = "\xEF\xBB\xBF";
  const std::size_t columns = table.columns.size();
  const auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < columns; ++i) {
      out += (i ? "," : "") + csv_field(i < fields.size() ? csv_text(fields[i]) : "");
    }
    out += "\r\n";
  };
  line({table.title});
  if (!table.header_lines.empty()) {
    std::vector<std::string> fields(columns);
    const auto segments = header_line_segments(table);
    for (std::size_t i = 0; i < segments.size(); ++i) fields[segments[i].first] = header_line_text(table.header_lines[i]);
    line(fields);
  }
  line(first_header_row(table));
  if (has_column_groups(table)) line(second_header_row(table));
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string text = cell_text(row[i]);
      out += (i ? "," : "") + csv_field(std::holds_alternative<std::string>(row[i]) ? csv_text(text) : text);
    }
    out += "\r\n";
  }
  for (const auto& wide : table.wide_rows) line({wide.label, wide.text});
  if (!table.instructions.empty()) line({table.instructions});
  return out;
}

std::string table_xlsx(const StatTable& table, const std::string& author, std::time_t created) {
  // libxlsxwriter writes to a file; it is read back and removed at once.
  std::string path = (std::filesystem::temp_directory_path() / "zhuanlan-XXXXXX.xlsx").string();
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) throw std::runtime_error("无法创建临时文件以生成 Excel 表格");
  close(fd);

  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) throw std::runtime_error("无法生成 Excel 表格 " + table.file_stem + ".xlsx");
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(table.title.c_str());
  properties.author = const_cast<char*>(author.c_str());
  properties.created = created;
  workbook_set_properties(workbook, &properties);

  const std::string sheet_name = table.sheet_name.empty() ? "Sheet1" : table.sheet_name;
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, sheet_name.c_str());
  if (!sheet) sheet = workbook_add_worksheet(workbook, nullptr);  // a name Excel refuses: Sheet1

  const auto format = [&](bool bold, bool border, bool wrap, lxw_format_alignments align) {
    lxw_format* f = workbook_add_format(workbook);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 11);
    if (bold) format_set_bold(f);
    if (border) format_set_border(f, LXW_BORDER_THIN);
    if (wrap) format_set_text_wrap(f);
    format_set_align(f, align);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
  };
  lxw_format* title = format(true, false, false, LXW_ALIGN_CENTER);
  format_set_font_size(title, 16);
  lxw_format* line_format = format(false, false, true, LXW_ALIGN_LEFT);
  lxw_format* head = format(true, true, true, LXW_ALIGN_CENTER);
  lxw_format* text = format(false, true, true, LXW_ALIGN_LEFT);
  lxw_format* number = format(false, true, false, LXW_ALIGN_RIGHT);
  format_set_num_format(number, "0");
  lxw_format* percent = format(false, true, false, LXW_ALIGN_RIGHT);
  format_set_num_format(percent, "0.0%");
  lxw_format* total_text = format(true, true, true, LXW_ALIGN_CENTER);
  lxw_format* total_number = format(true, true, false, LXW_ALIGN_RIGHT);
  format_set_num_format(total_number, "0");
  lxw_format* long_text = format(false, true, true, LXW_ALIGN_LEFT);
  format_set_align(long_text, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* label = format(true, true, true, LXW_ALIGN_CENTER);

  const auto last_col = static_cast<lxw_col_t>(table.columns.size() - 1);
  const auto merge = [&](lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const std::string& value,
                         lxw_format* f) {
    if (r1 == r2 && c1 == c2) worksheet_write_string(sheet, r1, c1, value.c_str(), f);
    else worksheet_merge_range(sheet, r1, c1, r2, c2, value.c_str(), f);
  };
  const std::vector<int> widths = column_widths(table);
  for (lxw_col_t c = 0; c <= last_col; ++c) worksheet_set_column(sheet, c, c, widths[c], nullptr);

  lxw_row_t row_index = 0;
  merge(row_index, 0, row_index, last_col, table.title, title);
  worksheet_set_row(sheet, row_index++, kTitleHeight, nullptr);

  if (!table.header_lines.empty()) {
    const auto segments = header_line_segments(table);
    int lines = 1;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const std::string value = header_line_text(table.header_lines[i]);
      const auto [first, last] = segments[i];
      merge(row_index, static_cast<lxw_col_t>(first), row_index, static_cast<lxw_col_t>(last), value, line_format);
      lines = std::max(lines, lines_needed(value, span_width(widths, first, last)));
    }
    worksheet_set_row(sheet, row_index++, height_for(lines), nullptr);
  }

  const bool groups = has_column_groups(table);
  const lxw_row_t header_row = row_index;
  int header_lines = 1;
  for (lxw_col_t c = 0; c <= last_col; ++c) {
    const StatColumn& column = table.columns[c];
    header_lines = std::max(header_lines, lines_needed(column.title, widths[c]));
    if (!groups) {
      worksheet_write_string(sheet, header_row, c, column.title.c_str(), head);
    } else if (column.group.empty()) {
      merge(header_row, c, header_row + 1, c, column.title, head);
    } else {
      if (c == 0 || table.columns[c - 1].group != column.group) {
        lxw_col_t end = c;
        while (end + 1 <= last_col && table.columns[end + 1].group == column.group) ++end;
        merge(header_row, c, header_row, end, column.group, head);
      }
      worksheet_write_string(sheet, header_row + 1, c, column.title.c_str(), head);
    }
  }
  if (groups) {
    // The columns without a group span both rows: their lines share the height.
    const int half = (header_lines + 1) / 2;
    worksheet_set_row(sheet, header_row, height_for(std::max(1, half)), nullptr);
    worksheet_set_row(sheet, header_row + 1, height_for(std::max(1, header_lines - half)), nullptr);
    row_index += 2;
  } else {
    worksheet_set_row(sheet, header_row, height_for(header_lines), nullptr);
    ++row_index;
  }
  const lxw_row_t first_data_row = row_index;

  for (std::size_t r = 0; r < table.rows.size(); ++r, ++row_index) {
    const bool is_total = table.last_row_is_total && r + 1 == table.rows.size();
    int lines = 1;
    for (lxw_col_t c = 0; c <= last_col; ++c) {
      const StatCell& cell = table.rows[r][c];
      if (std::holds_alternative<NotReported>(cell)) {
        worksheet_write_blank(sheet, row_index, c, is_total ? total_number : number);
      } else if (const auto* n = std::get_if<long long>(&cell)) {
        worksheet_write_number(sheet, row_index, c, static_cast<double>(*n), is_total ? total_number : number);
      } else if (const auto* p = std::get_if<Percent>(&cell)) {
        worksheet_write_number(sheet, row_index, c, p->ratio, percent);
      } else {
        const std::string& value = std::get<std::string>(cell);
        worksheet_write_string(sheet, row_index, c, value.c_str(), is_total ? total_text : text);
        lines = std::max(lines, lines_needed(value, widths[c]));
      }
    }
    worksheet_set_row(sheet, row_index, height_for(lines), nullptr);
  }

  for (const auto& wide : table.wide_rows) {
    worksheet_write_string(sheet, row_index, 0, wide.label.c_str(), label);
    merge(row_index, 1, row_index, last_col, wide.text, long_text);
    const int lines = std::max(lines_needed(wide.label, widths[0]),
                               lines_needed(wide.text, span_width(widths, 1, last_col)));
    worksheet_set_row(sheet, row_index++, height_for(lines), nullptr);
  }
  if (!table.instructions.empty()) {
    merge(row_index, 0, row_index, last_col, table.instructions, line_format);
    worksheet_set_row(sheet, row_index++,
                      height_for(lines_needed(table.instructions, span_width(widths, 0, last_col))), nullptr);
  }

  worksheet_freeze_panes(sheet, first_data_row, 0);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_set_margins(sheet, 0.5, 0.5, 0.6, 0.6);
  worksheet_center_horizontally(sheet);
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_repeat_rows(sheet, header_row, first_data_row - 1);
  worksheet_set_footer(sheet, "&C第 &P 页，共 &N 页");

  const lxw_error error = workbook_close(workbook);
  auto bytes = read_file(path);
  std::filesystem::remove(path);
  if (error != LXW_NO_ERROR || !bytes) {
    throw std::runtime_error("生成 Excel 表格 " + table.file_stem + ".xlsx 失败：" + lxw_strerror(error));
  }
  return *bytes;
}

}  // namespace zhuanlan
