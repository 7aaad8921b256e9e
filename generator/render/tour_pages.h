#pragma once
// The online campus tour: the map with a hotspot per stop, and a page per
// stop with its photo or panorama.
#include <string>

#include "render/page_renderer.h"

namespace zhuanlan {

std::string render_tour_map(PageRenderer& renderer);
std::string render_tour_stop(PageRenderer& renderer, std::size_t index);

}  // namespace zhuanlan
