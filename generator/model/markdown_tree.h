#pragma once
// cmark-gfm's tree of one Markdown body, built from its text wherever it is
// needed: load/ reads images, links and headings from it, render/ builds it
// again to write the HTML for each page that shows the body. The tree is not
// kept in the model: at 10,000 news items cmark's nodes took about 250 MB
// (25 KB for a 1.5 KB body), while parsing again at render time costs a few
// per cent of a build, and a tree of its own per render needs no lock.
//
// Both sides see the same nodes in the same (text) order, so the k-th image,
// link or heading found here is the k-th one the loader recorded.
#include <memory>
#include <string_view>
#include <vector>

struct cmark_node;
typedef struct _cmark_llist cmark_llist;

namespace zhuanlan {

struct MarkdownTree {
  struct Deleter {
    void operator()(cmark_node* node) const;
  };
  std::unique_ptr<cmark_node, Deleter> root;
  std::vector<cmark_node*> images;    // CMARK_NODE_IMAGE, text order
  std::vector<cmark_node*> links;     // CMARK_NODE_LINK, text order
  std::vector<cmark_node*> headings;  // CMARK_NODE_HEADING, text order
};

// cmark options for a body: GFM with table alignment as style attributes
// (the align attribute is obsolete HTML); raw HTML only when a site opts in.
int markdown_options(bool raw_html);

// Parses text with the extensions the site uses (table, strikethrough,
// autolink, tagfilter) and lists the nodes above.
MarkdownTree parse_markdown_tree(std::string_view text, int options);

// The extensions whose render-time hooks cmark's HTML renderer needs.
cmark_llist* markdown_render_extensions();

// True for an image that is the only thing in its paragraph: it is shown
// as a figure.
bool is_lone_image(cmark_node* image);

}  // namespace zhuanlan
