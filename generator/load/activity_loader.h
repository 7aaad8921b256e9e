#pragma once
#include <filesystem>
#include <vector>

#include "load/load_context.h"
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// Loads content/activities/*.json: each file holds one activity object or
// an array of them.
std::vector<Activity> load_activities(const LoadContext& context, Diagnostics& diagnostics);

// Loads content/media.json (an array of reports); a missing file means none.
std::vector<MediaReport> load_media(const std::filesystem::path& site_dir, Diagnostics& diagnostics);

}  // namespace zhuanlan
