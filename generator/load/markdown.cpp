#include "load/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <mutex>

#include "load/image_refs.h"
#include "load/markdown_limits.h"
#include "render/html_sanitizer.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

void register_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

std::string literal_text(cmark_node* node) {
  std::string out;
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(node));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter.get());
    if (event != CMARK_EVENT_ENTER) continue;
    const auto type = cmark_node_get_type(current);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* literal = cmark_node_get_literal(current)) out += literal;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
  return collapse_whitespace(out);
}

int node_line(cmark_node* node, int first_line) {
  for (cmark_node* n = node; n != nullptr; n = cmark_node_parent(n)) {
    const int line = cmark_node_get_start_line(n);
    if (line > 0) return first_line + line - 1;
  }
  return first_line;
}

bool is_block_end(cmark_node_type type) {
  return type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || type == CMARK_NODE_CODE_BLOCK ||
         type == CMARK_NODE_ITEM || type == CMARK_NODE_BLOCK_QUOTE;
}

}  // namespace

RenderedMarkdown render_markdown(const MarkdownSource& source, Diagnostics& diagnostics) {
  if (!markdown_within_limits(source.text, source.file, source.first_line, diagnostics)) return {};
  register_extensions_once();
  // Column alignment as style="text-align: …": the align attribute cmark
  // writes otherwise is obsolete HTML.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE |
                      CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | (source.raw_html ? CMARK_OPT_UNSAFE : 0);
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  cmark_parser_feed(parser.get(), source.text.data(), source.text.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));

  RenderedMarkdown out;
  std::vector<std::pair<cmark_node*, ImageRef>> figures;  // paragraphs that hold just one image
  {
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(document.get()));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      const cmark_node_type type = cmark_node_get_type(node);
      if (event == CMARK_EVENT_EXIT) {
        if (is_block_end(type)) out.plain_text += '\n';
        // Table cells are extension nodes; keep their words apart.
        const std::string_view kind = cmark_node_get_type_string(node);
        if (kind == "table_cell") out.plain_text += ' ';
        if (kind == "table_row") out.plain_text += '\n';
        continue;
      }
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
        cmark_node* parent = cmark_node_parent(node);
        if (parent && cmark_node_get_type(parent) == CMARK_NODE_IMAGE) continue;  // alt text is not prose
        if (const char* literal = cmark_node_get_literal(node)) out.plain_text += literal;
      } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
        out.plain_text += ' ';
      } else if (type == CMARK_NODE_IMAGE) {
        const int line = node_line(node, source.first_line);
        const std::string written = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
        std::string error;
        auto resolved = resolve_image(source.content_dir, source.file_dir_in_content, written, source.images, &error);
        if (!resolved) {
          diagnostics.error(source.file, line, "图片" + error);
          continue;
        }
        ImageRef image = std::move(*resolved);
        image.alt = literal_text(node);
        image.caption = cmark_node_get_title(node) ? collapse_whitespace(cmark_node_get_title(node)) : "";
        if (image.alt.empty() && image.caption.empty()) {
          diagnostics.error(source.file, line,
                            "图片 " + written + " 缺少说明文字。请在方括号里写替代文字，并可在路径后加引号写图片说明，例如 "
                            "![选手正在检测电池](" + written + " \"比赛现场\")");
        }
        cmark_node_set_url(node, (source.root_prefix + image.published_path).c_str());
        cmark_node* parent = cmark_node_parent(node);
        if (parent && cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH &&
            cmark_node_first_child(parent) == node && cmark_node_last_child(parent) == node) {
          figures.emplace_back(parent, image);
        }
        out.images.push_back(std::move(image));
      }
    }
  }

  // A standalone image becomes a figure with its caption. A custom block is
  // written out as given, so its text is escaped here. The first figure is
  // the first image of the page unless the page shows one above the text.
  const bool image_above = !source.image_above.empty() &&
                           std::none_of(out.images.begin(), out.images.end(), [&](const ImageRef& image) {
                             return image.content_path == source.image_above;
                           });
  for (auto& [paragraph, image] : figures) {
    cmark_node* figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    const std::string caption = image.caption.empty() ? image.alt : image.caption;
    const bool lazy = image_above || paragraph != figures.front().first;
    const std::string html = "<figure>" + image_tag(image, source.root_prefix, lazy) + "<figcaption>" +
                             html_escape(caption) + "</figcaption></figure>";
    cmark_node_set_on_enter(figure, html.c_str());
    cmark_node_set_on_exit(figure, "");
    cmark_node_replace(paragraph, figure);
    cmark_node_free(paragraph);
  }

  char* html = cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  out.html = source.raw_html ? sanitize_body_html(html) : std::string(html);
  free(html);
  return out;
}

}  // namespace zhuanlan
