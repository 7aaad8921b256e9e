#pragma once
// Markdown parsed with cmark-gfm (GFM tables, strikethrough, autolinks and
// the tag filter) into a MarkdownDocument; render/markdown_html.h writes its
// HTML. Raw HTML is dropped unless the site opts in. Every image is checked
// here (it must be a JPEG or PNG inside content/ and have alt text or a
// caption) and measured, so its problems are load errors with lines; an image
// alone in a paragraph is marked as a figure.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <memory>

#include "load/load_context.h"
#include "model/markdown_document.h"
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

struct MarkdownSource {
  std::string_view text;
  std::string file;                 // as shown in messages
  int first_line = 1;               // file line of text's first line
  std::string file_dir_in_content;  // for ./ and ../ paths
};

// Images are resolved in context's content/ and measured through its
// headers; raw HTML is kept when the site says so (markdown.raw_html).
std::shared_ptr<const MarkdownDocument> parse_markdown(const MarkdownSource& source, const LoadContext& context,
                                                       Diagnostics& diagnostics);

}  // namespace zhuanlan
