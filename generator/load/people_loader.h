#pragma once
// Typical people (典型人物) from content/people/*.md: front matter with name,
// role, department, photo, honors and order; the body is the person's story.
#include <filesystem>
#include <vector>

#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

std::vector<Person> load_people(const std::filesystem::path& site_dir, const SiteConfig& site,
                                Diagnostics& diagnostics);

}  // namespace zhuanlan
