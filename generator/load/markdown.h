#pragma once
// Markdown to HTML with cmark-gfm (GFM tables, strikethrough, autolinks and
// the tag filter). Raw HTML is dropped unless the site opts in. Every image
// is checked (it must exist inside content/ and have alt text or a caption)
// and pointed at its published copy; an image alone in a paragraph becomes a
// <figure> with its caption.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

struct MarkdownSource {
  std::string_view text;
  std::string file;                 // as shown in messages
  int first_line = 1;               // file line of text's first line
  std::filesystem::path content_dir;
  std::string file_dir_in_content;  // for ./ and ../ paths
  std::string root_prefix;          // from the page that shows it to the site root, e.g. "../"
  bool raw_html = false;
};

struct RenderedMarkdown {
  std::string html;
  std::string plain_text;  // for summaries and reading time
  std::vector<ImageRef> images;
};

RenderedMarkdown render_markdown(const MarkdownSource& source, Diagnostics& diagnostics);

// An image named outside Markdown (a cover, a photo, a gallery entry):
// checked to be a file inside content/ and given its published path. On
// failure returns nullopt with a Chinese reason in *error.
std::optional<ImageRef> resolve_image(const std::filesystem::path& content_dir, std::string_view file_dir_in_content,
                                      std::string_view written, std::string alt, std::string caption,
                                      std::string* error);

// The <img> of an image as every page writes it.
std::string image_tag(const ImageRef& image, const std::string& root_prefix, bool lazy);

}  // namespace zhuanlan
