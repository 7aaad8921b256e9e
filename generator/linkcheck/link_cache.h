#pragma once
// What `check --links` found last time, in <site>/.zhuanlan-cache/links.json:
// the time each URL last answered well. A success is trusted for two weeks,
// a failure never (it is checked again on every run), so a site that was
// down for an hour is not reported for a fortnight.
#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace zhuanlan {

inline constexpr std::chrono::hours kLinkSuccessLifetime{24 * 14};

struct LinkCache {
  std::map<std::string, std::chrono::sys_seconds> ok_at;  // url -> last success
};

// An unreadable or damaged file gives an empty cache: every link is checked.
LinkCache read_link_cache(const std::filesystem::path& file);

// Written atomically (temporary file, then rename); failing to write only
// costs the next run its shortcut.
void write_link_cache(const std::filesystem::path& file, const LinkCache& cache);

bool recently_ok(const LinkCache& cache, const std::string& url, std::chrono::sys_seconds now);

}  // namespace zhuanlan
