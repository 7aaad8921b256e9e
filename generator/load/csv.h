#pragma once
// A small RFC 4180 reader for the CSV files departments export from
// spreadsheets: comma-separated, fields optionally in double quotes, a quote
// inside a quoted field doubled, line breaks (LF or CRLF) allowed inside
// quotes. None of the project's listed libraries reads CSV, hence this file.
// Places are counted as a spreadsheet shows them: row 1 is the first record
// (whatever line breaks its cells hold), column 1 is column A.
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan {

struct CsvProblem {
  int row = 0;     // 1-based spreadsheet row
  int column = 0;  // 1-based spreadsheet column
  std::string message;  // Chinese, says what to change
};

struct CsvTable {
  std::vector<std::vector<std::string>> rows;  // rows[0] is spreadsheet row 1
  std::vector<CsvProblem> problems;
};

// text must be UTF-8 without a BOM. Line breaks inside quoted cells become
// "\n". Reading goes on after a problem, so that every one is reported.
CsvTable parse_csv(std::string_view text);

// The letters a spreadsheet shows for a 1-based column: 1 -> A, 27 -> AA.
std::string column_letters(int column);

}  // namespace zhuanlan
