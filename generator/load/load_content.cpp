#include "load/load_content.h"

#include "load/achievement_loader.h"
#include "load/activity_loader.h"
#include "load/image_refs.h"
#include "load/news_loader.h"
#include "load/people_loader.h"
#include "load/site_config.h"
#include "load/tour_loader.h"
#include "util/files.h"

namespace zhuanlan {

std::optional<Content> load_content(const std::filesystem::path& site_dir, const std::string& base_url_override,
                                    bool include_drafts, Diagnostics& diagnostics) {
  auto site = load_site_config(site_dir, base_url_override, diagnostics);
  if (!site) return std::nullopt;
  check_content_links(site_dir, diagnostics);
  ImageHeaders headers;
  const LoadContext context{site_dir, *site, headers};
  Content content;
  content.news = load_news(context, include_drafts, diagnostics);
  content.pages = load_pages(context, diagnostics);
  const int errors_before_activities = diagnostics.error_count();
  content.activities = load_activities(context, diagnostics);
  content.activities_incomplete = diagnostics.error_count() > errors_before_activities;
  content.media = load_media(site_dir, diagnostics);
  content.tour = load_tour(context, diagnostics);
  content.achievements = load_achievements(context, diagnostics);
  content.people = load_people(context, diagnostics);
  content.site = std::move(*site);
  return content;
}

}  // namespace zhuanlan
