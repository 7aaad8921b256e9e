#pragma once
#include <filesystem>
#include <vector>

#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// Loads content/activities/*.json: each file holds one activity object or
// an array of them.
std::vector<Activity> load_activities(const std::filesystem::path& site_dir, const SiteConfig& site,
                                      Diagnostics& diagnostics);

// Loads content/media.json (an array of reports); a missing file means none.
std::vector<MediaReport> load_media(const std::filesystem::path& site_dir, Diagnostics& diagnostics);

// The three levels the statistics table counts media reports by.
inline const std::vector<std::string>& media_levels() {
  static const std::vector<std::string> levels = {"省级及以上", "市级", "县级"};
  return levels;
}

inline const std::vector<std::string>& activity_forms() {
  static const std::vector<std::string> forms = {"线下", "线上", "线上线下"};
  return forms;
}

}  // namespace zhuanlan
