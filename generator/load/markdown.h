#pragma once
// Markdown to HTML with cmark-gfm (GFM tables, strikethrough, autolinks and
// the tag filter). Raw HTML is dropped unless the site opts in. Every image
// is checked (it must be a JPEG or PNG inside content/ and have alt text or a
// caption) and written by image_tag() with its web versions; an image alone
// in a paragraph becomes a <figure> with its caption.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/image_tag.h"
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
  ImageSettings images;
  // The content path of the image the page shows above the text (a news
  // item's cover), if any. The first figure is loaded at once, not lazily,
  // when it is the first image of the page.
  std::string image_above;
};

struct RenderedMarkdown {
  std::string html;
  std::string plain_text;  // for summaries and reading time
  std::vector<ImageRef> images;
};

RenderedMarkdown render_markdown(const MarkdownSource& source, Diagnostics& diagnostics);

}  // namespace zhuanlan
