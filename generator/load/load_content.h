#pragma once
// Loads everything in a site's content/ folder. Shared by build, check and
// report, so the three commands always see the same content.
#include <filesystem>
#include <optional>
#include <string>

#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// nullopt only when site.json itself cannot be used; otherwise every
// problem found is in diagnostics and the content holds what did load.
std::optional<Content> load_content(const std::filesystem::path& site_dir, const std::string& base_url_override,
                                    bool include_drafts, Diagnostics& diagnostics);

}  // namespace zhuanlan
