#pragma once
// Reads back an XLSX file that zhuanlan wrote, for tests: the first sheet's
// cells (shared strings resolved), merged ranges, column widths, row
// heights and page set-up, from the zip (unzip) and the sheet XML (libxml2).
#include <filesystem>
#include <map>
#include <set>
#include <string>

namespace zhuanlan::testing {

struct XlsxCell {
  std::string text;    // the string, or the number as written
  bool number = false;
  int style = 0;       // index into styles.xml's cellXfs
};

struct XlsxSheet {
  std::map<std::string, XlsxCell> cells;  // "A1" -> cell; blank styled cells have empty text
  std::set<std::string> merged;           // "A2:A3"
  std::map<int, double> column_widths;    // 1-based column -> width
  std::map<int, double> row_heights;      // 1-based row -> height in points
  std::string orientation;                // pageSetup's orientation
  int paper = 0;                          // pageSetup's paperSize (9: A4)
  std::map<int, std::string> number_formats;  // style index -> format code ("0.0%"), when not General
  std::set<int> bold_styles;                  // style indexes whose font is bold
  std::string text(const std::string& ref) const;  // "" when absent
};

// Fails the test (and returns an empty sheet) when the file cannot be read.
XlsxSheet read_xlsx(const std::filesystem::path& file);

// The raw text of one zip entry (unzip -p).
std::string unzip_entry(const std::filesystem::path& zip, const std::string& entry);

// "A1" from 0-based row and column.
std::string cell_ref(int row, int column);

}  // namespace zhuanlan::testing
