#include "model/markdown_document.h"

#include <cmark-gfm.h>

namespace zhuanlan {

void MarkdownDocument::TreeDeleter::operator()(cmark_node* node) const { cmark_node_free(node); }

}  // namespace zhuanlan
