#include "model/scheduled_news.h"

#include <algorithm>

namespace zhuanlan {

std::vector<ScheduledNews> hold_back_scheduled(std::vector<NewsItem>& news, std::chrono::sys_seconds now) {
  std::vector<ScheduledNews> held;
  std::erase_if(news, [&](const NewsItem& item) {
    if (!item.publish_at || item.publish_at->utc <= now) return false;
    held.push_back({item.source, item.title, item.publish_at->utc});
    return true;
  });
  std::sort(held.begin(), held.end(), [](const ScheduledNews& a, const ScheduledNews& b) {
    return a.publish_at != b.publish_at ? a.publish_at < b.publish_at : a.source < b.source;
  });
  return held;
}

std::optional<std::chrono::sys_seconds> next_publication(const std::vector<ScheduledNews>& scheduled) {
  if (scheduled.empty()) return std::nullopt;
  return scheduled.front().publish_at;
}

}  // namespace zhuanlan
