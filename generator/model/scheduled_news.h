#pragma once
// Scheduled publishing: a news item with publish_at is kept out of the site
// (its page, the lists, the feed, the sitemap) until that time. The clock is
// passed in (build --now, or the real time read by the caller), so a build
// at a given time always gives the same bytes.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "model/content.h"

namespace zhuanlan {

struct ScheduledNews {
  std::string source, title;
  std::chrono::sys_seconds publish_at{};
};

// Removes from news every item whose publish_at is after now, and returns
// them in publishing order (then by file).
std::vector<ScheduledNews> hold_back_scheduled(std::vector<NewsItem>& news, std::chrono::sys_seconds now);

// The earliest time at which one of them is due; nullopt for none.
std::optional<std::chrono::sys_seconds> next_publication(const std::vector<ScheduledNews>& scheduled);

}  // namespace zhuanlan
