#pragma once
// Text helpers that know UTF-8: Chinese text must never be cut inside a
// character, and escaping must cover every value that comes from content.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan {

// Byte offset of the first invalid UTF-8 sequence, or nullopt if valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// One code point of UTF-8 at text[i] (i < text.size()): its length in
// bytes with the code point in *out, or 0 when the bytes there are not
// valid UTF-8 (overlong forms and surrogates included). ASCII and the
// three-byte characters of Chinese text are decoded inline: every
// character of every summary, reading time and search term passes here.
std::size_t decode_utf8_slow(std::string_view text, std::size_t i, char32_t* out);
inline std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t* out) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  // E1–EC and EE–EF need no range check on the second byte (E0 and ED have
  // narrower ranges, left to the slow path).
  if (((b0 >= 0xE1 && b0 <= 0xEC) || b0 >= 0xEE) && b0 <= 0xEF && i + 2 < text.size()) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      *out = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
      return 3;
    }
  }
  return decode_utf8_slow(text, i, out);
}

// Number of code points (text must be valid UTF-8).
std::size_t count_code_points(std::string_view text);

// The parts with separator between them; names in Chinese text are joined
// with 、 (学生甲、学生乙).
std::string join(const std::vector<std::string>& parts, std::string_view separator = "、");

// Escaping for HTML text and attribute values.
std::string html_escape(std::string_view text);

// Escaping for XML (feeds, sitemaps): also drops characters XML 1.0 forbids.
std::string xml_escape(std::string_view text);

// A summary of at most max_chars code points. Cuts only between characters;
// when a sentence mark (。！？；) lies in the last third of the window the cut
// goes after it, otherwise an ellipsis marks the cut.
std::string make_summary(std::string_view plain_text, std::size_t max_chars);

// Reading time in whole minutes: Chinese characters at about 500 a minute,
// words in other scripts at about 200; at least 1.
int reading_minutes(std::string_view plain_text);

// Collapses runs of white space (including newlines) into one space and trims.
std::string collapse_whitespace(std::string_view text);

// An ASCII slug: lowercase letters, digits and '-'. Text that has characters
// outside ASCII gets a short hash of the original appended, so that different
// Chinese names never share a slug and the slug does not change between runs.
std::string ascii_slug(std::string_view text);

// True if text is a valid slug as users may write it: [a-z0-9-]+, not
// starting or ending with '-'.
bool is_valid_slug(std::string_view text);

}  // namespace zhuanlan
