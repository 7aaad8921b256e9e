#pragma once
// The site search page (search/index.html). The searching itself happens in
// the browser (assets/search.js) over the index files of
// search/search_shards.h; the page gives it the index's address, the kinds
// the site has and the wording of layouts/strings.json, and without
// JavaScript says so and links the lists.
#include <string>

#include "render/page_renderer.h"

namespace zhuanlan {

std::string render_search_page(PageRenderer& renderer);

}  // namespace zhuanlan
