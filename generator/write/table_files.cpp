#include "write/table_files.h"

#include <xlsxwriter.h>

#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <unistd.h>

#include "util/files.h"

namespace zhuanlan {
namespace {

// The header rows as they are written: one when no column has a group, or
// "group：title" in CSV, which cannot merge cells.
std::string csv_header(const StatColumn& column) {
  return column.group.empty() ? column.title : column.group + "：" + column.title;
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
  std::string out = "\xEF\xBB\xBF";
  const auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    out += "\r\n";
  };
  std::vector<std::string> header;
  for (const auto& c : table.columns) header.push_back(csv_text(csv_header(c)));
  line(header);
  for (const auto& row : table.rows) {
    std::vector<std::string> fields;
    // Only text cells are neutralised: a count of -3 stays a number.
    for (const auto& cell : row) {
      fields.push_back(std::holds_alternative<std::string>(cell) ? csv_text(cell_text(cell)) : cell_text(cell));
    }
    line(fields);
  }
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

  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "统计表");
  lxw_format* title = workbook_add_format(workbook);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* head = workbook_add_format(workbook);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_bg_color(head, 0xF2E6E6);
  lxw_format* text = workbook_add_format(workbook);
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(text, LXW_BORDER_THIN);
  lxw_format* number = workbook_add_format(workbook);
  format_set_num_format(number, "#,##0");
  format_set_border(number, LXW_BORDER_THIN);
  format_set_align(number, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* percent = workbook_add_format(workbook);
  format_set_num_format(percent, "0.0%");
  format_set_border(percent, LXW_BORDER_THIN);
  lxw_format* missing = workbook_add_format(workbook);
  format_set_font_color(missing, 0x808080);
  format_set_align(missing, LXW_ALIGN_CENTER);
  format_set_border(missing, LXW_BORDER_THIN);
  lxw_format* total_text = workbook_add_format(workbook);
  format_set_bold(total_text);
  format_set_border(total_text, LXW_BORDER_THIN);
  lxw_format* total_number = workbook_add_format(workbook);
  format_set_bold(total_number);
  format_set_num_format(total_number, "#,##0");
  format_set_border(total_number, LXW_BORDER_THIN);
  lxw_format* note = workbook_add_format(workbook);
  format_set_text_wrap(note);
  format_set_font_color(note, 0x404040);

  const auto last_col = static_cast<lxw_col_t>(table.columns.size() - 1);
  worksheet_merge_range(sheet, 0, 0, 0, last_col, table.title.c_str(), title);
  worksheet_set_row(sheet, 0, 24, nullptr);
  const bool groups = has_column_groups(table);
  const lxw_row_t first_data_row = groups ? 3 : 2;
  for (lxw_col_t c = 0; c <= last_col; ++c) {
    const StatColumn& column = table.columns[c];
    worksheet_set_column(sheet, c, c, column.width, nullptr);
    if (!groups) {
      worksheet_write_string(sheet, 1, c, column.title.c_str(), head);
    } else if (column.group.empty()) {
      worksheet_merge_range(sheet, 1, c, 2, c, column.title.c_str(), head);
    } else {
      lxw_col_t end = c;
      while (end + 1 <= last_col && table.columns[end + 1].group == column.group) ++end;
      if (c == 0 || table.columns[c - 1].group != column.group) {
        if (end > c) worksheet_merge_range(sheet, 1, c, 1, end, column.group.c_str(), head);
        else worksheet_write_string(sheet, 1, c, column.group.c_str(), head);
      }
      worksheet_write_string(sheet, 2, c, column.title.c_str(), head);
    }
  }
  worksheet_set_row(sheet, 1, 36, nullptr);
  lxw_row_t row_index = first_data_row;
  for (std::size_t r = 0; r < table.rows.size(); ++r, ++row_index) {
    const bool is_total = table.last_row_is_total && r + 1 == table.rows.size();
    for (lxw_col_t c = 0; c <= last_col; ++c) {
      const StatCell& cell = table.rows[r][c];
      if (std::holds_alternative<NotReported>(cell)) {
        worksheet_write_string(sheet, row_index, c, "未报送", missing);
      } else if (const auto* n = std::get_if<long long>(&cell)) {
        worksheet_write_number(sheet, row_index, c, static_cast<double>(*n), is_total ? total_number : number);
      } else if (const auto* p = std::get_if<Percent>(&cell)) {
        worksheet_write_number(sheet, row_index, c, p->ratio, percent);
      } else {
        worksheet_write_string(sheet, row_index, c, std::get<std::string>(cell).c_str(), is_total ? total_text : text);
      }
    }
  }
  ++row_index;
  for (const auto& line : table.notes) {
    worksheet_merge_range(sheet, row_index, 0, row_index, last_col, line.c_str(), note);
    worksheet_set_row(sheet, row_index, 30, nullptr);
    ++row_index;
  }
  worksheet_freeze_panes(sheet, first_data_row, 0);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, 9);  // A4
  worksheet_fit_to_pages(sheet, 1, 0);
  worksheet_repeat_rows(sheet, 1, first_data_row - 1);

  const lxw_error error = workbook_close(workbook);
  auto bytes = read_file(path);
  std::filesystem::remove(path);
  if (error != LXW_NO_ERROR || !bytes) {
    throw std::runtime_error("生成 Excel 表格 " + table.file_stem + ".xlsx 失败：" + lxw_strerror(error));
  }
  return *bytes;
}

}  // namespace zhuanlan
