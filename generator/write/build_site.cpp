#include "write/build_site.h"

#include <map>
#include <stdexcept>

#include "load/news_loader.h"
#include "load/site_config.h"
#include "model/site_model.h"
#include "render/feeds.h"
#include "render/layouts.h"
#include "render/page_plan.h"
#include "render/page_renderer.h"
#include "util/parallel.h"
#include "validate/validate_content.h"
#include "write/assets.h"
#include "write/build_manifest.h"
#include "write/staged_output.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

// Output folders that would overwrite what the user wrote are refused.
std::string unsafe_output_reason(const fs::path& site_dir, const fs::path& out_dir) {
  const fs::path site = fs::weakly_canonical(site_dir);
  const fs::path out = fs::weakly_canonical(out_dir);
  const auto inside = [](const fs::path& child, const fs::path& parent) {
    const auto mismatch = std::mismatch(parent.begin(), parent.end(), child.begin(), child.end());
    return mismatch.first == parent.end();
  };
  if (inside(site, out)) return "输出文件夹 " + out.string() + " 包含了站点文件夹，构建会覆盖您写的内容";
  for (const char* own : {"content", "layouts", "assets", "generator", "tests", "scripts"}) {
    if (inside(out, site / own)) return "输出文件夹 " + out.string() + " 位于站点的 " + own + "/ 之内，构建会覆盖您写的内容";
  }
  return "";
}

// Images are published once each, however many pages show them.
std::map<std::string, std::string> images_to_publish(const SiteModel& model, Diagnostics& diagnostics) {
  std::map<std::string, std::string> by_published;  // published path -> content path
  const auto add = [&](const ImageRef& image, const std::string& source) {
    const auto [it, inserted] = by_published.emplace(image.published_path, image.content_path);
    if (!inserted && it->second != image.content_path) {
      diagnostics.error(source, 0,
                        "图片 content/" + image.content_path + " 与 content/" + it->second +
                            " 发布后的文件名相同（只有大小写或中文字符不同），请给其中一个改名");
    }
  };
  for (const auto& item : model.news) {
    for (const auto& image : item.images) add(image, item.source);
  }
  for (const auto& page : model.pages) {
    for (const auto& image : page.images) add(image, page.source);
  }
  return by_published;
}

}  // namespace

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
    if (auto previous = unchanged_since_last_build(read_now, result.out_dir)) {
      result.pages = previous->pages;
      result.diagnostics = std::move(previous->warnings);
      result.up_to_date = result.ok = true;
      return result;
    }
  }

  // Load and validate everything before writing anything.
  auto site = load_site_config(site_dir, options.base_url, diagnostics);
  if (!site) return result;
  Content content;
  content.news = load_news(site_dir, *site, options.include_drafts, diagnostics);
  content.pages = load_pages(site_dir, *site, diagnostics);
  content.site = std::move(*site);
  validate_content(content, diagnostics);
  auto layouts = load_layouts(site_dir, diagnostics);
  if (diagnostics.has_errors() || !layouts) return result;

  const SiteModel model = build_site_model(std::move(content));
  const auto images = images_to_publish(model, diagnostics);
  if (diagnostics.has_errors()) return result;
  const AssetSet assets = collect_assets(site_dir);
  const std::vector<PageJob> jobs = plan_pages(model);

  try {
    StagedOutput output(result.out_dir);
    RenderInputs inputs;
    inputs.model = &model;
    inputs.assets = &assets.paths;
    inputs.cards.resize(model.news.size());
    parallel_for_with_state(
        model.news.size(), [&] { return PageRenderer(inputs, *layouts); },
        [&](PageRenderer& renderer, std::size_t i) { inputs.cards[i] = renderer.news_card(i, "../"); });
    parallel_for_with_state(
        jobs.size(), [&] { return PageRenderer(inputs, *layouts); },
        [&](PageRenderer& renderer, std::size_t i) { output.write(jobs[i].path, jobs[i].render(renderer)); });

    std::vector<std::string> sitemap_paths;
    for (const auto& job : jobs) {
      if (job.in_sitemap) sitemap_paths.push_back(job.path);
    }
    output.write("feed.xml", atom_feed(model));
    output.write("sitemap.xml", sitemap_xml(model, sitemap_paths));
    for (const auto& asset : assets.files) output.write(asset.published_path, asset.bytes);
    std::vector<std::pair<std::string, std::string>> image_list(images.begin(), images.end());
    parallel_for(image_list.size(), [&](std::size_t i) {
      output.copy(site_dir / "content" / image_list[i].second, image_list[i].first);
    });
    output.commit();
    save_build_manifest(read_now, result.out_dir, jobs.size(), diagnostics);
    result.pages = jobs.size();
    result.files_written = output.files_written();
    result.files_unchanged = output.files_unchanged();
    result.ok = true;
  } catch (const std::exception& e) {
    diagnostics.error("", 0, e.what());
  }
  return result;
}

}  // namespace zhuanlan
