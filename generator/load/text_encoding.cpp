#include "load/text_encoding.h"

#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "util/text.h"

namespace zhuanlan {
namespace {

const std::string_view kBom = "\xEF\xBB\xBF";
const std::string kSaveAsUtf8 = "请用表格软件把文件另存为“CSV UTF-8（逗号分隔）”，或另存为 GBK 编码的 CSV";

int line_at(std::string_view bytes, std::size_t offset) {
  int line = 1;  // LF, CRLF and a lone CR each end a line
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) ++line;
  }
  return line;
}

std::string detect_charset(std::string_view bytes) {
  const std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                                                 &uchardet_delete);
  if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return "";
  uchardet_data_end(detector.get());
  const char* charset = uchardet_get_charset(detector.get());
  return charset ? charset : "";
}

// GB18030 to UTF-8 with glibc's iconv; stops at the first unreadable byte.
std::optional<std::string> gb18030_to_utf8(std::string_view bytes, DecodeError* error) {
  const iconv_t converter = iconv_open("UTF-8", "GB18030");
  if (converter == reinterpret_cast<iconv_t>(-1)) {
    *error = {0, "系统的 iconv 不支持 GB18030 编码，无法转换这个文件。" + kSaveAsUtf8};
    return std::nullopt;
  }
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  bool ok = true;
  while (in_left > 0) {
    if (iconv(converter, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      const std::size_t used = out.size() - out_left;
      out.resize(out.size() * 2);
      out_ptr = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    const std::size_t offset = bytes.size() - in_left;
    *error = {line_at(bytes, offset), "文件看起来是 GBK/GB18030 编码，但第 " + std::to_string(offset + 1) +
                                          " 个字节无法按这种编码读取（文件可能被截断或混有其他编码）。" + kSaveAsUtf8};
    ok = false;
    break;
  }
  iconv_close(converter);
  if (!ok) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::optional<DecodedText> decode_spreadsheet_text(std::string_view bytes, DecodeError* error) {
  if (bytes.substr(0, kBom.size()) == kBom) {
    const std::string_view body = bytes.substr(kBom.size());
    if (const auto bad = find_invalid_utf8(body)) {
      *error = {line_at(body, *bad), "文件以 UTF-8 标记（BOM）开头，但第 " + std::to_string(*bad + kBom.size() + 1) +
                                         " 个字节不是有效的 UTF-8。" + kSaveAsUtf8};
      return std::nullopt;
    }
    return DecodedText{std::string(body), "UTF-8（带 BOM）"};
  }
  if (!find_invalid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
  const std::string charset = detect_charset(bytes);
  if (charset == "GB18030" || charset == "GBK" || charset == "GB2312") {
    auto text = gb18030_to_utf8(bytes, error);
    if (!text) return std::nullopt;
    return DecodedText{std::move(*text), "GB18030"};
  }
  *error = {0, "无法识别文件的编码（既不是 UTF-8，也不像 GBK/GB18030" +
                   (charset.empty() ? std::string() : "；检测结果为 " + charset) + "）。" + kSaveAsUtf8};
  return std::nullopt;
}

}  // namespace zhuanlan
