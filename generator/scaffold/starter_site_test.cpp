#include "scaffold/starter_site.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace zhuanlan {
namespace {

std::string day(Day d) { return format_day_iso(d); }

TEST(StarterSite, TheWeekStartsOnTheSecondSundayOfMay) {
  EXPECT_EQ(day(usual_week_start(2024)), "2024-05-12");
  EXPECT_EQ(day(usual_week_start(2025)), "2025-05-11");
  EXPECT_EQ(day(usual_week_start(2027)), "2027-05-09");
  std::string error;
  EXPECT_EQ(coming_week_year(*parse_day("2026-05-31", &error)), 2026);
  EXPECT_EQ(coming_week_year(*parse_day("2026-06-01", &error)), 2027);
}

TEST(StarterSite, SiteJsonCarriesTheSchoolAndTheWeekAndEveryFileIsThere) {
  const auto files = starter_site({"某\"职业\"学院", 2025});
  std::map<std::string, std::string> by_path;
  for (const auto& f : files) by_path[f.path] = f.bytes;
  for (const char* path : {"content/site.json", "content/设置说明.txt", "content/news/2025-05-11/example.md",
                           "content/activities/opening.json", "content/pages/about.md"}) {
    EXPECT_TRUE(by_path.count(path)) << path;
  }
  const auto site = nlohmann::json::parse(by_path["content/site.json"]);
  EXPECT_EQ(site["school"], "某\"职业\"学院");
  EXPECT_EQ(site["week"]["start"], "2025-05-11");
  EXPECT_EQ(site["week"]["end"], "2025-05-17");
  EXPECT_EQ(site["title"], "2025年职业教育活动周");
  const auto activity = nlohmann::json::parse(by_path["content/activities/opening.json"]);
  EXPECT_EQ(activity["start"], "2025-05-11T09:00");
  EXPECT_NE(by_path["content/news/2025-05-11/example.md"].find("draft: true"), std::string::npos)
      << "the example news item must not be published";
}

}  // namespace
}  // namespace zhuanlan
