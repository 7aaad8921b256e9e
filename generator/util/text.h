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
