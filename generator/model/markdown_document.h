#pragma once
// A Markdown body as loaded: cmark-gfm's tree, kept so that render/ writes
// its HTML with the root prefix of the page that shows it, plus what other
// stages need without HTML: the images it shows (resolved and measured while
// loading), its plain text (summaries, reading time, later search) and its
// links with their lines (checked before anything is written).
//
// The tree is parsed once. Rendering sets the few prefix-dependent fields
// (image URLs, figure HTML, rewritten internal links) and runs cmark's HTML
// renderer; both happen under render_lock, so two threads never touch one
// tree at once (pages render in parallel, the feed shows news bodies too).
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/content.h"

struct cmark_node;

namespace zhuanlan {

struct MarkdownLink {
  std::string url;  // as written
  int line = 0;     // file line
  cmark_node* node = nullptr;  // the link node in tree
};

// A heading, with the id it gets so that #anchors can name it: its text,
// spaces as '-', and -2, -3… for repeats within the body (docs/内容格式.md).
struct MarkdownHeading {
  std::string id;
  int level = 1;
  cmark_node* node = nullptr;  // the custom inline holding its text; render/ writes <hN id> around it
};

struct MarkdownDocument {
  std::string source;          // the file that holds it, as shown in messages
  std::string dir_in_content;  // its folder, relative to content/ ("news/2025-05-13")
  std::string plain_text;
  std::vector<ImageRef> images;  // in text order
  std::vector<MarkdownLink> links;
  std::vector<MarkdownHeading> headings;

  // For render/ only.
  struct TreeDeleter {
    void operator()(cmark_node* node) const;
  };
  struct InlineImage {
    cmark_node* node = nullptr;
    std::size_t image = 0;  // index into images
  };
  struct Figure {
    cmark_node* node = nullptr;  // the custom block that replaced the image's paragraph
    std::size_t image = 0;
  };
  std::unique_ptr<cmark_node, TreeDeleter> tree;
  int render_options = 0;  // cmark options (raw HTML, table style attributes)
  std::vector<InlineImage> inline_images;
  std::vector<Figure> figures;
  mutable std::mutex render_lock;
};

}  // namespace zhuanlan
