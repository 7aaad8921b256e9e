#pragma once
// Text files that spreadsheet programs write: UTF-8 with or without a BOM,
// or, on Chinese Windows, GB18030/GBK. The encoding is detected (uchardet)
// and converted (iconv), so that users never have to say which it is.
#include <optional>
#include <string>
#include <string_view>

namespace zhuanlan {

struct DecodedText {
  std::string utf8;      // without a BOM
  std::string encoding;  // as shown to users: UTF-8, UTF-8（带 BOM）, GB18030
};

struct DecodeError {
  int line = 0;  // 1-based line of the first byte that could not be read; 0 for the whole file
  std::string message;  // Chinese, says what to do
};

// Valid UTF-8 is taken as it is; anything else is handed to uchardet, and
// text it finds to be Simplified Chinese (GB18030, GBK, GB2312) is
// converted from GB18030, which contains the other two.
std::optional<DecodedText> decode_spreadsheet_text(std::string_view bytes, DecodeError* error);

}  // namespace zhuanlan
