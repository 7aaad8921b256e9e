#include "load/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <string_view>
#include <mutex>

#include "load/image_refs.h"
#include "load/markdown_limits.h"
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

std::shared_ptr<const MarkdownDocument> parse_markdown(const MarkdownSource& source, const LoadContext& context,
                                                       Diagnostics& diagnostics) {
  register_extensions_once();
  // Column alignment as style="text-align: …": the align attribute cmark
  // writes otherwise is obsolete HTML.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE |
                      CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | (context.site.raw_html ? CMARK_OPT_UNSAFE : 0);
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"}) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), extension);
    }
  }
  // A body beyond the limits is reported and parsed as empty: cmark-gfm
  // itself takes seconds over a table thousands of columns wide.
  const std::string_view text =
      markdown_within_limits(source.text, source.file, source.first_line, diagnostics) ? source.text : std::string_view();
  cmark_parser_feed(parser.get(), text.data(), text.size());
  auto out = std::make_shared<MarkdownDocument>();
  out->tree.reset(cmark_parser_finish(parser.get()));
  out->render_options = options;
  out->source = source.file;
  out->dir_in_content = source.file_dir_in_content;

  std::vector<std::pair<cmark_node*, std::size_t>> figures;  // paragraphs that hold just one image
  {
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(out->tree.get()));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter.get());
      const cmark_node_type type = cmark_node_get_type(node);
      if (event == CMARK_EVENT_EXIT) {
        if (is_block_end(type)) out->plain_text += '\n';
        // Table cells are extension nodes; keep their words apart.
        const std::string_view kind = cmark_node_get_type_string(node);
        if (kind == "table_cell") out->plain_text += ' ';
        if (kind == "table_row") out->plain_text += '\n';
        continue;
      }
      if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
        cmark_node* parent = cmark_node_parent(node);
        if (parent && cmark_node_get_type(parent) == CMARK_NODE_IMAGE) continue;  // alt text is not prose
        if (const char* literal = cmark_node_get_literal(node)) out->plain_text += literal;
      } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
        out->plain_text += ' ';
      } else if (type == CMARK_NODE_LINK) {
        const char* url = cmark_node_get_url(node);
        out->links.push_back({url ? url : "", node_line(node, source.first_line), node});
      } else if (type == CMARK_NODE_HEADING) {
        out->headings.push_back({"", cmark_node_get_heading_level(node), node});
      } else if (type == CMARK_NODE_IMAGE) {
        const int line = node_line(node, source.first_line);
        const std::string written = cmark_node_get_url(node) ? cmark_node_get_url(node) : "";
        std::string error;
        auto resolved = resolve_image(context, source.file_dir_in_content, written, &error);
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
        const std::size_t index = out->images.size();
        cmark_node* parent = cmark_node_parent(node);
        if (parent && cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH &&
            cmark_node_first_child(parent) == node && cmark_node_last_child(parent) == node) {
          figures.emplace_back(parent, index);
        } else {
          out->inline_images.push_back({node, index});
        }
        out->images.push_back(std::move(image));
      }
    }
  }

  // A standalone image becomes a figure (a custom block whose HTML render/
  // writes for each page), replacing its paragraph once the walk is over.
  for (auto& [paragraph, image] : figures) {
    cmark_node* figure = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_exit(figure, "");
    cmark_node_replace(paragraph, figure);
    cmark_node_free(paragraph);
    out->figures.push_back({figure, image});
  }
  // A heading becomes a custom block holding a custom inline that holds its
  // text, so that render/ can write it with its id (cmark's own heading has
  // no attributes; a custom block alone would put line breaks inside <hN>).
  std::map<std::string, int> id_uses;
  for (auto& heading : out->headings) {
    std::string id = literal_text(heading.node);
    std::replace(id.begin(), id.end(), ' ', '-');
    if (id.empty()) id = "section";
    const int uses = ++id_uses[id];
    if (uses > 1) id += "-" + std::to_string(uses);
    heading.id = std::move(id);
    // The inline literals of a heading (raw HTML, text not yet read) may
    // still point into the heading's own buffer, which is freed with it
    // below: make each child own its text first (cmark_node_get_literal
    // copies it out). Found by fuzz/markdown_fuzz (inline HTML in a heading).
    {
      std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(heading.node));
      while (cmark_iter_next(iter.get()) != CMARK_EVENT_DONE) (void)cmark_node_get_literal(cmark_iter_get_node(iter.get()));
    }
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node* text = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
    while (cmark_node* child = cmark_node_first_child(heading.node)) {
      cmark_node_unlink(child);
      cmark_node_append_child(text, child);
    }
    cmark_node_append_child(block, text);
    cmark_node_replace(heading.node, block);
    cmark_node_free(heading.node);
    heading.node = text;
  }
  return out;
}

}  // namespace zhuanlan
