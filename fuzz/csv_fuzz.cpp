// Spreadsheet CSV as achievement files arrive: any bytes, encoding
// detected (UTF-8, BOM, GB18030) and converted, then the RFC 4180 reader.
#include "fuzz_support.h"
#include "load/csv.h"
#include "load/text_encoding.h"

using namespace zhuanlan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  DecodeError error;
  const auto decoded = decode_spreadsheet_text(fuzz::as_text(data, size), &error);
  if (!decoded) return 0;
  const CsvTable table = parse_csv(decoded->utf8);
  for (const CsvProblem& problem : table.problems) (void)column_letters(problem.column);
  for (const auto& row : table.rows) (void)column_letters(static_cast<int>(row.size()) + 1);
  return 0;
}
