#include "model/site_model.h"

#include <gtest/gtest.h>

#include <set>

namespace zhuanlan {
namespace {

NewsItem item(const std::string& slug, const std::string& when, bool top = false) {
  std::string error;
  NewsItem n;
  n.slug = slug;
  n.url = "news/" + slug + ".html";
  n.date = *parse_timestamp(when, &error);
  n.day = china_day(n.date.utc);
  n.department = "教务处";
  n.top = top;
  return n;
}

Content sample() {
  Content c;
  std::string error;
  c.site.week = {*parse_day("2025-05-11", &error), *parse_day("2025-05-17", &error)};
  c.news = {item("b", "2025-05-13 09:00"), item("a", "2025-05-12T23:30:00Z"), item("c", "2025-05-11 10:00", true),
            item("d", "2025-05-13 09:00")};
  return c;
}

TEST(Pagination, Edges) {
  EXPECT_EQ(paginate(0, 20).size(), 1u);
  EXPECT_EQ(paginate(0, 20)[0].end, 0u);
  EXPECT_EQ(paginate(20, 20).size(), 1u);
  const auto pages = paginate(21, 20);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[1].begin, 20u);
  EXPECT_EQ(pages[1].end, 21u);
  EXPECT_EQ(pages[1].number, 2);
  EXPECT_EQ(pages[1].total, 2);
  EXPECT_EQ(paginate(1, 1).size(), 1u);
  EXPECT_EQ(paginate(100, 1).size(), 100u);
}

TEST(Pagination, PagedPathsNeverClashWithSlugs) {
  EXPECT_EQ(paged_path("news/index.html", 1), "news/index.html");
  EXPECT_EQ(paged_path("news/index.html", 2), "news/index_2.html");
  EXPECT_EQ(paged_path("departments/jwc.html", 3), "departments/jwc_3.html");
}

TEST(SiteModel, OrdersNewestFirstWithStableTies) {
  const SiteModel model = build_site_model(sample());
  std::vector<std::string> order;
  for (const auto& n : model.news) order.push_back(n.slug);
  // a is 07:30 on the 13th in China, b and d 09:00 (tie broken by slug).
  EXPECT_EQ(order, (std::vector<std::string>{"b", "d", "a", "c"}));
}

TEST(SiteModel, GroupsNewsByChinaDay) {
  const SiteModel model = build_site_model(sample());
  ASSERT_EQ(model.days.size(), 2u);
  EXPECT_EQ(format_day_iso(model.days[0].day), "2025-05-11");
  EXPECT_EQ(format_day_iso(model.days[1].day), "2025-05-13");
  EXPECT_EQ(model.days[1].news.size(), 3u);
  EXPECT_EQ(model.days[1].url, "days/2025-05-13.html");
  EXPECT_EQ(model.week_days.size(), 7u);
}

TEST(SiteModel, HomePutsPinnedItemsFirst) {
  const SiteModel model = build_site_model(sample());
  ASSERT_FALSE(model.home_news.empty());
  EXPECT_EQ(model.news[model.home_news[0]].slug, "c");
  EXPECT_EQ(model.home_news.size(), 4u);
}

TEST(SiteModel, DepartmentsFollowTheSiteListAndTagsGetAsciiUrls) {
  Content c = sample();
  c.site.departments = {"学生处", "教务处"};
  c.news[0].department = "学生处";
  c.news[0].tags = {"技能竞赛", "AI"};
  c.news[1].tags = {"ai"};
  const SiteModel model = build_site_model(c);
  ASSERT_EQ(model.departments.size(), 2u);
  EXPECT_EQ(model.departments[0].name, "学生处");
  ASSERT_EQ(model.tags.size(), 3u);
  std::set<std::string> urls;
  for (const auto& tag : model.tags) {
    urls.insert(tag.url);
    for (const char ch : tag.url) EXPECT_LT(static_cast<unsigned char>(ch), 0x80);
  }
  // "AI" and "ai" are one name written two ways: they get one URL, which
  // check_output_paths reports (render/output_plan_test.cpp, tests/output_paths_test.cpp).
  EXPECT_EQ(urls.size(), 2u);
  EXPECT_EQ(urls.count("tags/ai.html"), 1u);
}

}  // namespace
}  // namespace zhuanlan
