#pragma once
// Limits on a Markdown body, checked before cmark-gfm parses it: the
// probe's table 40,000 columns wide took 24 s inside cmark-gfm itself (its
// table extension slows down with the cells of a row), and a body of many
// megabytes is a pasted file, not an article. Both limits are documented in
// docs/内容格式.md.
#include <cstddef>
#include <string>
#include <string_view>

#include "util/diagnostics.h"

namespace zhuanlan {

constexpr std::size_t kMaxMarkdownBodyBytes = 1'000'000;  // 1 MB: a long article is about 30 KB
constexpr std::size_t kMaxTableColumns = 64;

// Adds an error (file and line, in Chinese) and returns false when the body
// is too large or a line has more than kMaxTableColumns table cells (the
// pipes that would separate them, in a table or not). first_line is the file line of text's first line.
bool markdown_within_limits(std::string_view text, const std::string& file, int first_line,
                            Diagnostics& diagnostics);

}  // namespace zhuanlan
