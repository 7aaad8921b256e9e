#include "model/markdown_tree.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <mutex>

namespace zhuanlan {
namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

}  // namespace

void MarkdownTree::Deleter::operator()(cmark_node* node) const { cmark_node_free(node); }

int markdown_options(bool raw_html) {
  return CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES |
         (raw_html ? CMARK_OPT_UNSAFE : 0);
}

MarkdownTree parse_markdown_tree(std::string_view text, int options) {
  register_extensions_once();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  MarkdownTree tree;
  tree.root.reset(cmark_parser_finish(parser.get()));
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(tree.root.get()));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_IMAGE: tree.images.push_back(node); break;
      case CMARK_NODE_LINK: tree.links.push_back(node); break;
      case CMARK_NODE_HEADING: tree.headings.push_back(node); break;
      default: break;
    }
  }
  return tree;
}

cmark_llist* markdown_render_extensions() {
  static cmark_llist* const list = [] {
    register_extensions_once();
    cmark_llist* out = nullptr;
    for (const char* name : kExtensions) {
      if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
        out = cmark_llist_append(cmark_get_default_mem_allocator(), out, extension);
      }
    }
    return out;
  }();
  return list;
}

bool is_lone_image(cmark_node* image) {
  cmark_node* parent = cmark_node_parent(image);
  return parent && cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH && cmark_node_first_child(parent) == image &&
         cmark_node_last_child(parent) == image;
}

}  // namespace zhuanlan
