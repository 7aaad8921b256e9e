#include "linkcheck/link_cache.h"

#include <gtest/gtest.h>

#include "linkcheck/external_links.h"
#include "util/files.h"

namespace zhuanlan {
namespace {

using std::chrono::hours;
using std::chrono::sys_seconds;

TEST(LinkCache, SuccessesLastTwoWeeksAndSurviveARoundTrip) {
  const auto dir = std::filesystem::temp_directory_path() / ("zhuanlan-link-cache-" + std::to_string(::getpid()));
  const auto file = dir / "links.json";
  const sys_seconds t0{std::chrono::seconds(1'747'000'000)};
  LinkCache cache;
  cache.ok_at["https://example.org/a"] = t0;
  write_link_cache(file, cache);
  const LinkCache read = read_link_cache(file);
  EXPECT_TRUE(recently_ok(read, "https://example.org/a", t0 + hours(24 * 13)));
  EXPECT_FALSE(recently_ok(read, "https://example.org/a", t0 + hours(24 * 14)));
  EXPECT_FALSE(recently_ok(read, "https://example.org/b", t0));
  write_file(file, "{damaged");
  EXPECT_TRUE(read_link_cache(file).ok_at.empty());
  std::filesystem::remove_all(dir);
}

TEST(ExternalLinks, OnlyHttpAndHttpsLeaveTheSite) {
  EXPECT_TRUE(is_external_url("https://www.moe.gov.cn/"));
  EXPECT_TRUE(is_external_url("HTTP://example.org"));
  for (const char* own : {"../news/a.html", "#top", "mailto:a@example.org", "tel:123", "ftp://x", "news/a.md"}) {
    EXPECT_FALSE(is_external_url(own)) << own;
  }
}

}  // namespace
}  // namespace zhuanlan
