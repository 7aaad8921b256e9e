#include "write/build_site.h"

#include <algorithm>
#include <future>
#include <map>
#include <stdexcept>

#include "load/load_content.h"
#include "model/site_model.h"
#include "render/feeds.h"
#include "render/internal_links.h"
#include "render/layouts.h"
#include "render/page_plan.h"
#include "render/page_renderer.h"
#include "render/report_pages.h"
#include "search/search_shards.h"
#include "write/table_files.h"
#include "util/parallel.h"
#include "util/paths.h"
#include "validate/validate_content.h"
#include "validate/validate_exhibition.h"
#include "write/assets.h"
#include "write/image_cache.h"
#include "write/build_manifest.h"
#include "write/site_outputs.h"
#include "write/staged_output.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

// Output folders that would overwrite what the user wrote are refused.
std::string unsafe_output_reason(const fs::path& site_dir, const fs::path& out_dir) {
  const fs::path site = fs::weakly_canonical(site_dir);
  const fs::path out = fs::weakly_canonical(out_dir);
  if (is_within(site, out)) return "输出文件夹 " + out.string() + " 包含了站点文件夹，构建会覆盖您写的内容";
  if (out == fs::weakly_canonical(preview_output_dir(site_dir))) return "";  // zhuanlan serve's own folder
  for (const char* own : {"content", "layouts", "assets", "generator", "tests", "scripts", kCacheFolder}) {
    if (is_within(out, site / own)) return "输出文件夹 " + out.string() + " 位于站点的 " + own + "/ 之内，构建会覆盖您写的内容";
  }
  return "";
}

}  // namespace

fs::path preview_output_dir(const fs::path& site_dir) { return site_dir / kCacheFolder / "serve" / "site"; }

std::time_t stable_timestamp(const SiteConfig& site) {
  return std::chrono::system_clock::to_time_t(std::chrono::sys_seconds{site.week.end} - std::chrono::hours(8));
}

bool built_with_drafts(const fs::path& out_dir) {
  std::error_code ec;
  return fs::exists(out_dir / kDraftsMarker, ec);
}

std::chrono::sys_seconds build_clock(const BuildOptions& options) {
  return options.now ? *options.now : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::optional<PreparedSite> prepare_site(const BuildOptions& options, Diagnostics& diagnostics) {
  const fs::path site_dir = options.site_dir.empty() ? fs::path(".") : options.site_dir;
  auto content = load_content(site_dir, options.base_url, options.include_drafts, diagnostics);
  if (!content) return std::nullopt;
  validate_content(*content, diagnostics);
  validate_exhibition(*content, diagnostics);
  auto layouts = load_layouts(site_dir, diagnostics);
  if (diagnostics.has_errors() || !layouts) return std::nullopt;
  // Scheduled items were validated with the rest (they go out unattended,
  // from a scheduled rebuild), and are then kept back.
  std::vector<ScheduledNews> scheduled;
  if (!options.include_drafts) scheduled = hold_back_scheduled(content->news, build_clock(options));
  PreparedSite prepared{build_site_model(std::move(*content)), std::move(*layouts), {}, {}};
  prepared.scheduled = std::move(scheduled);
  prepared.images = collect_site_images(prepared.model);
  prepared.assets = collect_assets(site_dir);
  const std::vector<PageJob> jobs = plan_pages(prepared.model);
  // Two sources of one output path are found before anything is written.
  check_output_paths(plan_site_outputs(prepared.model, jobs, prepared.assets, prepared.images), diagnostics);
  std::vector<std::string> page_paths;
  for (const PageJob& job : jobs) page_paths.push_back(job.path);
  page_paths.insert(page_paths.end(), {kFeedPath, kSitemapPath});
  prepared.pages = site_pages(prepared.model, page_paths);
  check_internal_links(prepared.model, prepared.pages, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return prepared;
}

ImageWork image_work(const BuildOptions& options) {
  const fs::path site_dir = options.site_dir.empty() ? fs::path(".") : options.site_dir;
  return {site_dir / "content", image_cache_dir(site_dir), options.on_image_progress};
}

BuildResult build_site(const BuildOptions& options) {
  BuildResult result;
  const fs::path site_dir = options.site_dir.empty() ? fs::path(".") : options.site_dir;
  result.out_dir = options.out_dir.empty() ? site_dir / "public" : options.out_dir;
  Diagnostics& diagnostics = result.diagnostics;

  if (const std::string reason = unsafe_output_reason(site_dir, result.out_dir); !reason.empty()) {
    diagnostics.error("", 0, reason + "。请用 --out 指定别的文件夹");
    return result;
  }

  // Nothing changed since the last build and its output is intact: the
  // output is already what this build would write.
  const BuildInputs read_now = record_inputs(options, site_dir, result.out_dir);
  if (!options.full) {
    if (auto previous = unchanged_since_last_build(read_now, result.out_dir, build_clock(options))) {
      result.pages = previous->pages;
      result.diagnostics = std::move(previous->warnings);
      result.up_to_date = result.ok = true;
      return result;
    }
  }

  // Load and validate everything before writing anything.
  auto prepared = prepare_site(options, diagnostics);
  if (!prepared) return result;
  // Photos are made (or found in the cache) before anything is written: a
  // photo that cannot be decoded leaves the output as it was.
  const ImageWork images = image_work(options);
  const std::vector<ImageFile> image_files = make_image_files(prepared->images, images, result.images, diagnostics);
  if (diagnostics.has_errors()) return result;
  const SiteModel& model = prepared->model;
  const AssetSet& assets = prepared->assets;
  const std::vector<PageJob> jobs = plan_pages(model);

  try {
    StagedOutput output(result.out_dir);
    if (options.include_drafts) {
      output.write(kDraftsMarker,
                   "此文件夹由 zhuanlan build --drafts（或 serve --drafts）生成，含草稿和还没到发布时间的定时新闻，只供内部预览。\n"
                   "zhuanlan deploy 不会发布它；要发布，请不加 --drafts 重新运行 zhuanlan build。\n");
    }
    // The site search's index (search/: every published item, segmented) is
    // made beside the pages: it reads only the model, and fills the time the
    // cores would otherwise wait for the build's serial parts.
    std::future<void> search = std::async(std::launch::async, [&] {
      write_search_files(build_search_index(search_documents(model)),
                         [&](const std::string& path, std::string bytes) { output.write(path, bytes); });
    });
    RenderInputs inputs;
    inputs.model = &model;
    inputs.assets = &assets.paths;
    inputs.pages = &prepared->pages;
    inputs.cards.resize(model.news.size());
    const std::string card_root = root_prefix_for(kCardPagePath);
    parallel_for_with_state(
        model.news.size(), [&] { return PageRenderer(inputs, prepared->layouts); },
        [&](PageRenderer& renderer, std::size_t i) { inputs.cards[i] = renderer.news_card(i, card_root); });
    parallel_for_with_state(
        jobs.size(), [&] { return PageRenderer(inputs, prepared->layouts); },
        [&](PageRenderer& renderer, std::size_t i) { output.write(jobs[i].path, jobs[i].render(renderer)); });

    std::vector<std::string> sitemap_paths;
    for (const auto& job : jobs) {
      if (job.in_sitemap) sitemap_paths.push_back(job.path);
    }
    output.write(kFeedPath, atom_feed(model, &prepared->pages));
    output.write(kSitemapPath, sitemap_xml(model, sitemap_paths));
    if (!model.activities.empty()) {
      for (const StatTable& table : published_tables(model)) {
        output.write(stat_table_path(table, "csv"), table_csv(table));
        output.write(stat_table_path(table, "xlsx"),
                     table_xlsx(table, model.site.school, stable_timestamp(model.site)));
      }
    }
    for (const auto& asset : assets.files) output.write(asset.published_path, asset.bytes);
    parallel_for(image_files.size(), [&](std::size_t i) {
      const ImageFile& file = image_files[i];
      if (file.from.empty()) output.write(file.path, file.bytes);
      else output.link(file.from, file.path);
    });
    search.get();
    output.commit();
    prune_image_cache(images.cache_dir, kImageCacheMaxAge);
    result.pages = static_cast<std::size_t>(std::count_if(jobs.begin(), jobs.end(), [](const PageJob& job) {
      return job.path.size() > 5 && job.path.compare(job.path.size() - 5, 5, ".html") == 0;  // not the QR codes
    }));
    save_build_manifest(read_now, result.out_dir, result.pages, next_publication(prepared->scheduled), diagnostics);
    result.files_written = output.files_written();
    result.files_unchanged = output.files_unchanged();
    result.ok = true;
  } catch (const std::exception& e) {
    diagnostics.error("", 0, e.what());
  }
  return result;
}

}  // namespace zhuanlan
