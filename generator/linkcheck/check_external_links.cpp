#include "linkcheck/check_external_links.h"

#include <map>
#include <set>

#include "linkcheck/external_links.h"
#include "linkcheck/link_cache.h"

namespace zhuanlan {

LinkCheckSummary check_external_links(const SiteModel& model, const std::filesystem::path& cache_file,
                                      std::chrono::sys_seconds now, const LinkCheckOptions& options,
                                      Diagnostics& diagnostics) {
  const std::vector<ExternalLink> links = external_links(model);
  LinkCache cache = read_link_cache(cache_file);
  LinkCheckSummary summary;
  std::vector<std::string> to_check;
  std::set<std::string> distinct;
  for (const ExternalLink& link : links) {
    if (!distinct.insert(link.url).second) continue;
    if (recently_ok(cache, link.url, now)) {
      ++summary.cached;
    } else {
      to_check.push_back(link.url);
    }
  }
  summary.links = distinct.size();
  summary.checked = to_check.size();
  std::map<std::string, LinkStatus> answers;
  for (LinkStatus& status : check_links(to_check, options)) {
    if (status.ok) {
      cache.ok_at[status.url] = now;
    } else {
      cache.ok_at.erase(status.url);
      ++summary.broken;
    }
    answers.emplace(status.url, std::move(status));
  }
  for (const ExternalLink& link : links) {
    const auto it = answers.find(link.url);
    if (it == answers.end() || it->second.ok) continue;
    diagnostics.error(link.file, link.line,
                      "外部链接 " + link.url + " " + it->second.problem + "。请打开核对，改成正确的网址或删去这个链接");
  }
  write_link_cache(cache_file, cache);
  return summary;
}

}  // namespace zhuanlan
