#pragma once
#include <filesystem>
#include <optional>

#include "load/load_context.h"
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// Loads content/tour.json; nullopt when the site has no tour (or it is
// unusable, with the reasons in diagnostics). Ids of activities and
// exhibits are checked later, against what was loaded.
std::optional<Tour> load_tour(const LoadContext& context, Diagnostics& diagnostics);

}  // namespace zhuanlan
