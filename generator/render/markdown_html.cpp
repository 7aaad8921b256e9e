#include "render/markdown_html.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

#include "model/markdown_tree.h"
#include "render/html_sanitizer.h"
#include "render/image_tag.h"
#include "render/internal_links.h"
#include "util/paths.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

// A heading becomes a custom block holding a custom inline that holds its
// text, so that it is written with its id (cmark's own heading has no
// attributes; a custom block alone would put line breaks inside <hN>).
void write_heading_with_id(cmark_node* heading, const MarkdownHeading& written) {
  // The inline literals of a heading (raw HTML, text not yet read) may still
  // point into the heading's own buffer, which is freed with it below: make
  // each child own its text first (cmark_node_get_literal copies it out).
  // Found by fuzz/markdown_fuzz (inline HTML in a heading).
  {
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(heading));
    while (cmark_iter_next(iter.get()) != CMARK_EVENT_DONE) (void)cmark_node_get_literal(cmark_iter_get_node(iter.get()));
  }
  cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node* text = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
  while (cmark_node* child = cmark_node_first_child(heading)) {
    cmark_node_unlink(child);
    cmark_node_append_child(text, child);
  }
  cmark_node_append_child(block, text);
  const std::string level = std::to_string(written.level);
  cmark_node_set_on_enter(text, ("<h" + level + " id=\"" + html_escape(written.id) + "\">").c_str());
  cmark_node_set_on_exit(text, ("</h" + level + ">").c_str());
  cmark_node_replace(heading, block);
  cmark_node_free(heading);
}

}  // namespace

std::string markdown_html(const MarkdownDocument& document, const MarkdownPage& page) {
  const std::string root = root_prefix_for(page.path);
  const MarkdownTree tree = parse_markdown_tree(document.text, document.options);
  // Links first: a link may sit inside an image's alt text, which a figure
  // replaces below.
  for (std::size_t k = 0; k < tree.links.size() && k < document.links.size(); ++k) {
    const MarkdownLink& link = document.links[k];
    const std::string url = page.pages ? rewritten_link(document, link, page.path, *page.pages) : link.url;
    cmark_node_set_url(tree.links[k], url.c_str());
  }
  for (std::size_t k = 0; k < tree.headings.size() && k < document.headings.size(); ++k) {
    write_heading_with_id(tree.headings[k], document.headings[k]);
  }
  // A standalone image becomes a figure: a custom block, written out as
  // given (so its text is escaped here), replacing its paragraph. Figures
  // are counted in text order but replaced last to first, since an image in
  // the alt text of another is freed with the outer one's paragraph.
  const std::size_t count = std::min(tree.images.size(), document.image_of_node.size());
  std::vector<bool> lone(count);
  std::vector<bool> lazy(count);
  for (std::size_t k = 0, figures = 0; k < count; ++k) {
    if (document.image_of_node[k] < 0) continue;
    lone[k] = is_lone_image(tree.images[k]);
    if (lone[k]) lazy[k] = page.image_above || figures++ > 0;
  }
  for (std::size_t k = count; k-- > 0;) {
    if (document.image_of_node[k] < 0) continue;
    const ImageRef& image = document.images[static_cast<std::size_t>(document.image_of_node[k])];
    cmark_node* node = tree.images[k];
    if (!lone[k]) {
      cmark_node_set_url(node, (root + image.published_path).c_str());
      continue;
    }
    const std::string caption = image.caption.empty() ? image.alt : image.caption;
    const std::string html = "<figure>" + image_tag(image, root, lazy[k]) + "<figcaption>" + html_escape(caption) +
                             "</figcaption></figure>";
    cmark_node* figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(figure, html.c_str());
    cmark_node_set_on_exit(figure, "");
    cmark_node* paragraph = cmark_node_parent(node);
    cmark_node_replace(paragraph, figure);
    cmark_node_free(paragraph);
  }
  char* html = cmark_render_html(tree.root.get(), document.options, markdown_render_extensions());
  // Raw HTML a site let through is cut down to the allow-list; the HTML
  // cmark writes itself (safe mode) needs no second pass.
  std::string out = (document.options & CMARK_OPT_UNSAFE) ? sanitize_body_html(html) : std::string(html);
  free(html);
  return out;
}

std::string markdown_html(const std::shared_ptr<const MarkdownDocument>& document, const MarkdownPage& page) {
  return document ? markdown_html(*document, page) : std::string();
}

}  // namespace zhuanlan
