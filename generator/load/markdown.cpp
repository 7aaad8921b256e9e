#include "load/markdown.h"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <string_view>

#include "load/image_refs.h"
#include "load/markdown_limits.h"
#include "model/markdown_tree.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

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

// The words of the body, blocks and table rows on lines of their own.
std::string plain_text_of(cmark_node* root) {
  std::string out;
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_EXIT) {
      if (is_block_end(type)) out += '\n';
      // Table cells are extension nodes; keep their words apart.
      const std::string_view kind = cmark_node_get_type_string(node);
      if (kind == "table_cell") out += ' ';
      if (kind == "table_row") out += '\n';
      continue;
    }
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
      cmark_node* parent = cmark_node_parent(node);
      if (parent && cmark_node_get_type(parent) == CMARK_NODE_IMAGE) continue;  // alt text is not prose
      if (const char* literal = cmark_node_get_literal(node)) out += literal;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
  return out;
}

}  // namespace

std::shared_ptr<const MarkdownDocument> parse_markdown(const MarkdownSource& source, const LoadContext& context,
                                                       Diagnostics& diagnostics) {
  auto out = std::make_shared<MarkdownDocument>();
  out->options = markdown_options(context.site.raw_html);
  out->source = source.file;
  out->dir_in_content = source.file_dir_in_content;
  // A body beyond the limits is reported and parsed as empty: cmark-gfm
  // itself takes seconds over a table thousands of columns wide.
  if (markdown_within_limits(source.text, source.file, source.first_line, diagnostics)) out->text = source.text;
  const MarkdownTree tree = parse_markdown_tree(out->text, out->options);
  out->plain_text = plain_text_of(tree.root.get());

  for (cmark_node* node : tree.links) {
    const char* url = cmark_node_get_url(node);
    out->links.push_back({url ? url : "", node_line(node, source.first_line)});
  }
  for (cmark_node* node : tree.images) {
    out->image_of_node.push_back(-1);
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
    out->image_of_node.back() = static_cast<int>(out->images.size());
    out->images.push_back(std::move(image));
  }
  std::map<std::string, int> id_uses;
  for (cmark_node* node : tree.headings) {
    std::string id = literal_text(node);
    std::replace(id.begin(), id.end(), ' ', '-');
    if (id.empty()) id = "section";
    const int uses = ++id_uses[id];
    if (uses > 1) id += "-" + std::to_string(uses);
    out->headings.push_back({std::move(id), cmark_node_get_heading_level(node)});
  }
  return out;
}

}  // namespace zhuanlan
