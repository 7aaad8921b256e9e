#pragma once
// The HTML of a Markdown body (model/markdown_document.h) as one page shows
// it: image URLs and figures (image_tag()) with that page's root prefix,
// internal links rewritten to the URL of the page they name, relative to the
// showing page. Each call parses the text into a tree of its own, so it is
// safe to call from several threads at once, also for one document.
#include <string>
#include <string_view>

#include "model/markdown_document.h"

namespace zhuanlan {

struct SitePages;  // render/internal_links.h

struct MarkdownPage {
  std::string_view path;     // the showing page's output path, e.g. news/a.html
  bool image_above = false;  // the page shows an image above the text: no figure is its first image
  const SitePages* pages = nullptr;  // to rewrite links to content files; null: links stay as written
};

std::string markdown_html(const MarkdownDocument& document, const MarkdownPage& page);

// Empty for a null document (an optional text that was not given).
std::string markdown_html(const std::shared_ptr<const MarkdownDocument>& document, const MarkdownPage& page);

}  // namespace zhuanlan
