#include "util/text.h"

#include <cstdint>

#include "util/hash.h"

namespace zhuanlan {
namespace {

bool is_cjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool is_sentence_end(char32_t cp) {
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；' || cp == U'!' || cp == U'?';
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::size_t decode_utf8_slow(std::string_view text, std::size_t i, char32_t* out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  std::size_t length = 0;
  char32_t cp = 0;
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  *out = cp;
  return length;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0xFFFD;  // stays the replacement character if the bytes do not decode
    const std::size_t length = decode_utf8(text, i, &cp);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

namespace {

// Appends text with the five characters HTML and XML give meaning to
// replaced, copying the runs between them whole: every title, summary and
// template value of every page goes through here.
void append_escaped(std::string& out, std::string_view text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;  // &apos; is not HTML 4; &#39; means ' everywhere
      default: continue;
    }
    out.append(text.data() + start, i - start);
    out.append(entity);
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

bool forbidden_in_xml(char c) {
  return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text);
  return out;
}

std::string xml_escape(std::string_view text) {
  // The same escaping as html_escape, with the control characters XML 1.0
  // forbids left out run by run.
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!forbidden_in_xml(text[i])) continue;
    append_escaped(out, text.substr(start, i - start));
    start = i + 1;
  }
  append_escaped(out, text.substr(start));
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  // Copies whole words at a time: this runs over every news body.
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end])) ++end;
    if (end == i) break;
    if (!out.empty()) out += ' ';
    out.append(text.data() + i, end - i);
    i = end;
  }
  return out;
}

std::string make_summary(std::string_view plain_text, std::size_t max_chars) {
  std::size_t i = 0;
  std::size_t chars = 0;
  std::size_t last_mark_end = 0;  // byte offset just after the last sentence mark
  std::size_t last_mark_chars = 0;
  while (i < plain_text.size() && chars < max_chars) {
    char32_t cp = 0xFFFD;  // stays the replacement character if the bytes do not decode
    std::size_t length = decode_utf8(plain_text, i, &cp);
    if (length == 0) length = 1;  // callers validate; never loop forever
    i += length;
    ++chars;
    if (is_sentence_end(cp)) {
      last_mark_end = i;
      last_mark_chars = chars;
    }
  }
  if (i >= plain_text.size()) return std::string(plain_text);
  if (last_mark_end > 0 && last_mark_chars * 3 >= max_chars * 2) {
    return std::string(plain_text.substr(0, last_mark_end));
  }
  std::string out(plain_text.substr(0, i));
  while (!out.empty() && is_space(out.back())) out.pop_back();
  return out + "……";
}

int reading_minutes(std::string_view plain_text) {
  std::size_t cjk = 0;
  std::size_t words = 0;
  bool in_word = false;
  std::size_t i = 0;
  while (i < plain_text.size()) {
    char32_t cp = 0xFFFD;  // stays the replacement character if the bytes do not decode
    std::size_t length = decode_utf8(plain_text, i, &cp);
    if (length == 0) length = 1;
    i += length;
    if (is_cjk(cp)) {
      ++cjk;
      in_word = false;
    } else if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
      if (!in_word) ++words;
      in_word = true;
    } else {
      in_word = false;
    }
  }
  const double minutes = static_cast<double>(cjk) / 500.0 + static_cast<double>(words) / 200.0;
  const int whole = static_cast<int>(minutes + 0.999);
  return whole < 1 ? 1 : whole;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string ascii_slug(std::string_view text) {
  std::string out;
  bool had_non_ascii = false;
  bool pending_dash = false;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) had_non_ascii = true;
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += lower;
    } else {
      pending_dash = true;
    }
  }
  if (had_non_ascii || out.empty()) {
    const std::string hash = sha256_hex(text).substr(0, 8);
    out = out.empty() ? hash : out + "-" + hash;
  }
  return out;
}

bool is_valid_slug(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-') return false;
  for (const char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace zhuanlan
