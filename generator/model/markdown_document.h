#pragma once
// A Markdown body as loaded: what other stages need without HTML: the
// images it shows (resolved and measured while loading), its plain text
// (summaries, reading time, later search), its links with their lines
// (checked before anything is written) and its headings' ids. render/ writes
// its HTML with the root prefix of the page that shows it, from the text
// (parsed again there, see model/markdown_tree.h for why the tree is not kept).
#include <string>
#include <vector>

#include "model/content.h"

namespace zhuanlan {

struct MarkdownLink {
  std::string url;  // as written
  int line = 0;     // file line
};

// A heading, with the id it gets so that #anchors can name it: its text,
// spaces as '-', and -2, -3… for repeats within the body (docs/内容格式.md).
struct MarkdownHeading {
  std::string id;
  int level = 1;
};

struct MarkdownDocument {
  std::string source;          // the file that holds it, as shown in messages
  std::string dir_in_content;  // its folder, relative to content/ ("news/2025-05-13")
  std::string plain_text;
  std::vector<ImageRef> images;  // in text order
  std::vector<MarkdownLink> links;
  std::vector<MarkdownHeading> headings;

  // For render/: the text that was parsed (empty when it was beyond the
  // limits), cmark's options, and for the k-th image of the text (in the
  // order of MarkdownTree::images) its index into images, or -1 when it could
  // not be resolved (an error was reported).
  std::string text;
  int options = 0;
  std::vector<int> image_of_node;
};

}  // namespace zhuanlan
