#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// Loads content/site.json. base_url_override (from --base-url) replaces the
// file's base_url when not empty. Returns nullopt when the file is missing
// or so broken that nothing can be built from it; problems go to diagnostics.
std::optional<SiteConfig> load_site_config(const std::filesystem::path& site_dir, const std::string& base_url_override,
                                           Diagnostics& diagnostics);

// Checks and normalises a base URL (http or https, ending with '/').
// Returns nullopt with a Chinese explanation in *error.
std::optional<std::string> normalise_base_url(const std::string& url, std::string* error);

}  // namespace zhuanlan
