#pragma once
// The whole pipeline: load -> validate -> site model -> render -> write.
#include <ctime>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "model/site_images.h"
#include "model/scheduled_news.h"
#include "model/site_model.h"
#include "render/internal_links.h"
#include "render/layouts.h"
#include "util/diagnostics.h"
#include "write/assets.h"
#include "write/image_files.h"

namespace zhuanlan {

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  // empty: <site>/public
  bool include_drafts = false;
  std::string base_url;           // empty: site.json's
  ImageProgressFn on_image_progress;  // told how the making of photos' web versions goes
  bool full = false;              // ignore the record of the last build (write/build_manifest.h)
  // The clock for publish_at (scheduled news); nullopt: the real time.
  // Drafts mode (a preview) shows scheduled items too.
  std::optional<std::chrono::sys_seconds> now;
};

struct BuildResult {
  bool ok = false;
  Diagnostics diagnostics;
  std::size_t pages = 0;
  std::size_t files_written = 0;
  std::size_t files_unchanged = 0;
  ImageStats images;
  std::filesystem::path out_dir;
  // Nothing changed since the last build and its output is intact, so
  // nothing was written; pages and warnings are the last build's.
  bool up_to_date = false;
};

// Everything a build does before writing: content loaded and validated,
// the site model, the parsed layouts, the images and assets to publish, and
// every output path checked for two sources (write/site_outputs.h). nullopt
// when any error was found (all of them are in diagnostics).
struct PreparedSite {
  SiteModel model;
  LayoutSet layouts;
  std::vector<SiteImage> images;  // every image, once, by content path
  AssetSet assets;
  SitePages pages;                // every page planned, for internal links (checked here)
  std::vector<ScheduledNews> scheduled;  // news kept back until their publish_at
};
std::optional<PreparedSite> prepare_site(const BuildOptions& options, Diagnostics& diagnostics);

// options.now, or the real time.
std::chrono::sys_seconds build_clock(const BuildOptions& options);

// Where a site's photos are read from and their files cached.
ImageWork image_work(const BuildOptions& options);

// Never throws for problems in the user's files: they come back as
// diagnostics, and then nothing in out_dir has changed.
BuildResult build_site(const BuildOptions& options);

// Where `zhuanlan serve` builds the site it shows, never public/: a folder
// of <site>/.zhuanlan-cache, which --out may not name otherwise.
std::filesystem::path preview_output_dir(const std::filesystem::path& site_dir);

// A build with drafts (a preview: drafts and scheduled items not yet due
// are in it) leaves this file in its output folder, and deploy refuses a
// folder that holds it. It lives inside the folder, not in the build
// manifest beside it, so that it travels with a copied or moved folder and
// cannot be lost by deleting the manifest; the next build without drafts
// replaces the whole folder and so removes it.
inline constexpr const char* kDraftsMarker = ".zhuanlan-drafts";

// Whether out_dir was last built with drafts.
bool built_with_drafts(const std::filesystem::path& out_dir);

// The time stamped into generated workbooks: the end of the week, so that
// the same content always gives the same bytes.
std::time_t stable_timestamp(const SiteConfig& site);

}  // namespace zhuanlan
