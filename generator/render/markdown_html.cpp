#include "render/markdown_html.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

#include "render/html_sanitizer.h"
#include "render/image_tag.h"
#include "render/internal_links.h"
#include "util/paths.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

// The extensions whose render-time hooks the HTML renderer needs (the tag
// filter); built once, read by every render.
cmark_llist* render_extensions() {
  static cmark_llist* const list = [] {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_llist* out = nullptr;
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
        out = cmark_llist_append(cmark_get_default_mem_allocator(), out, extension);
      }
    }
    return out;
  }();
  return list;
}

}  // namespace

std::string markdown_html(const MarkdownDocument& document, const MarkdownPage& page) {
  cmark_llist* const extensions = render_extensions();
  const std::string root = root_prefix_for(page.path);
  std::lock_guard<std::mutex> lock(document.render_lock);
  for (const auto& inline_image : document.inline_images) {
    cmark_node_set_url(inline_image.node, (root + document.images[inline_image.image].published_path).c_str());
  }
  // A custom block is written out as given, so its text is escaped here.
  for (std::size_t k = 0; k < document.figures.size(); ++k) {
    const ImageRef& image = document.images[document.figures[k].image];
    const std::string caption = image.caption.empty() ? image.alt : image.caption;
    const bool lazy = page.image_above || k > 0;
    const std::string html = "<figure>" + image_tag(image, root, lazy) + "<figcaption>" + html_escape(caption) +
                             "</figcaption></figure>";
    cmark_node_set_on_enter(document.figures[k].node, html.c_str());
  }
  for (const MarkdownHeading& heading : document.headings) {
    const std::string level = std::to_string(heading.level);
    cmark_node_set_on_enter(heading.node, ("<h" + level + " id=\"" + html_escape(heading.id) + "\">").c_str());
    cmark_node_set_on_exit(heading.node, ("</h" + level + ">").c_str());
  }
  for (const MarkdownLink& link : document.links) {
    const std::string url = page.pages ? rewritten_link(document, link, page.path, *page.pages) : link.url;
    cmark_node_set_url(link.node, url.c_str());
  }
  char* html = cmark_render_html(document.tree.get(), document.render_options, extensions);
  // Raw HTML a site let through is cut down to the allow-list; the HTML
  // cmark writes itself (safe mode) needs no second pass.
  std::string out = (document.render_options & CMARK_OPT_UNSAFE) ? sanitize_body_html(html) : std::string(html);
  free(html);
  return out;
}

std::string markdown_html(const std::shared_ptr<const MarkdownDocument>& document, const MarkdownPage& page) {
  return document ? markdown_html(*document, page) : std::string();
}

}  // namespace zhuanlan
