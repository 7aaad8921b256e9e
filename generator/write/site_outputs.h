#pragma once
// The list of every file a build writes, each with where it comes from: the
// pages and QR codes of plan_pages, the feed, the sitemap, the statistics
// tables, the search index, the assets and the images' files. prepare_site checks it with
// check_output_paths before anything is written; the writer writes these
// paths and no others.
#include <string>
#include <vector>

#include "model/site_images.h"
#include "model/statistics.h"
#include "render/output_plan.h"
#include "render/page_plan.h"
#include "write/assets.h"

namespace zhuanlan {

inline constexpr const char* kFeedPath = "feed.xml";
inline constexpr const char* kSitemapPath = "sitemap.xml";

// stats/<file_stem>.<extension>: the downloadable copies of a statistics table.
std::string stat_table_path(const StatTable& table, const std::string& extension);

std::vector<PlannedOutput> plan_site_outputs(const SiteModel& model, const std::vector<PageJob>& pages,
                                             const AssetSet& assets, const std::vector<SiteImage>& images);

}  // namespace zhuanlan
