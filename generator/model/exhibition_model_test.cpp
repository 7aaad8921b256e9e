#include "model/exhibition_model.h"

#include <gtest/gtest.h>

#include "model/site_model.h"

namespace zhuanlan {
namespace {

Achievement exhibit(const std::string& id, const std::string& department, const std::string& category,
                    const std::string& level, const std::string& date) {
  Achievement a;
  a.id = id;
  a.url = "exhibition/" + id + ".html";
  a.title = "成果" + id;
  a.department = department;
  a.category = category;
  a.level = level;
  a.date = date;
  return a;
}

Person person(const std::string& slug, const std::string& role, int order = 0) {
  Person p;
  p.slug = slug;
  p.url = "people/" + slug + ".html";
  p.name = slug;
  p.role = role;
  p.order = order;
  return p;
}

std::vector<std::string> ids(const Exhibition& ex, const std::vector<std::size_t>& indices) {
  std::vector<std::string> out;
  for (const std::size_t i : indices) out.push_back(ex.exhibits[i].id);
  return out;
}

TEST(Exhibition, OrdersByListedDepartmentThenCategoryLevelAndDate) {
  SiteConfig site;
  site.departments = {"教务处", "护理学院", "汽车工程学院"};
  const Exhibition ex = build_exhibition(
      {
          exhibit("a", "汽车工程学院", "技能竞赛获奖", "省级", "2024-05"),
          exhibit("b", "护理学院", "荣誉称号", "校级", "2024-01"),
          exhibit("c", "汽车工程学院", "教学成果", "国家级", "2023-09"),
          exhibit("d", "汽车工程学院", "技能竞赛获奖", "国家级", "2023-06"),
          exhibit("e", "护理学院", "技能竞赛获奖", "", ""),
          exhibit("f", "未列出的部门", "荣誉称号", "市级", "2024-03"),
          exhibit("g", "汽车工程学院", "技能竞赛获奖", "省级", "2024-06-13"),
      },
      {}, site);
  // 护理学院 (listed before 汽车工程学院), then 汽车工程学院, then the unlisted one;
  // inside a department categories in the order they first appear in the
  // content (技能竞赛获奖 before 荣誉称号 before 教学成果), then by level, then newest first.
  std::vector<std::string> order;
  for (const auto& a : ex.exhibits) order.push_back(a.id);
  EXPECT_EQ(order, (std::vector<std::string>{"e", "b", "d", "g", "a", "c", "f"}));
  ASSERT_EQ(ex.departments.size(), 3u);
  EXPECT_EQ(ex.departments[0].name, "护理学院");
  EXPECT_EQ(ex.departments[2].name, "未列出的部门");
  EXPECT_EQ(ids(ex, ex.departments[1].exhibits), (std::vector<std::string>{"d", "g", "a", "c"}));
  EXPECT_EQ(ex.departments[1].url, "exhibition/departments/" + ex.departments[1].slug + ".html");
  ASSERT_EQ(ex.categories.size(), 3u);
  EXPECT_EQ(ex.categories[0].name, "技能竞赛获奖");
  EXPECT_EQ(ids(ex, ex.categories[0].exhibits), (std::vector<std::string>{"e", "d", "g", "a"}));
  ASSERT_EQ(ex.levels.size(), 4u);
  EXPECT_EQ(ex.levels[0].name, "国家级");
  EXPECT_EQ(ids(ex, ex.levels[0].exhibits), (std::vector<std::string>{"d", "c"}));
  EXPECT_EQ(ex.levels[3].name, "校级");
  // Highlights: national first, then provincial, newest first within a level.
  EXPECT_EQ(ids(ex, ex.highlights), (std::vector<std::string>{"c", "d", "g", "a", "f", "b"}));
  for (const auto* groups : {&ex.departments, &ex.categories, &ex.levels}) {
    for (const auto& g : *groups) EXPECT_EQ(g.slug.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-"), std::string::npos);
  }
}

TEST(Exhibition, GroupsPeopleByTheSitesRoleOrder) {
  SiteConfig site;
  site.people_roles = {"大国工匠", "优秀教师", "优秀学生"};
  const Exhibition ex = build_exhibition(
      {}, {person("s2", "优秀学生", 2), person("x", "实习之星"), person("s1", "优秀学生", 1), person("c", "大国工匠")},
      site);
  ASSERT_EQ(ex.roles.size(), 3u);  // 优秀教师 has nobody
  EXPECT_EQ(ex.roles[0].role, "大国工匠");
  EXPECT_EQ(ex.roles[1].role, "优秀学生");
  EXPECT_EQ(ex.roles[2].role, "实习之星");  // not listed: after the listed ones
  std::vector<std::string> order;
  for (const auto& p : ex.people) order.push_back(p.slug);
  EXPECT_EQ(order, (std::vector<std::string>{"c", "s1", "s2", "x"}));
  EXPECT_EQ(ex.roles[1].people, (std::vector<std::size_t>{1, 2}));
}

TEST(Exhibition, NavigationShowsExhibitionAndPeopleOnlyWithContent) {
  Content content;
  content.site.week = {Day{}, Day{}};
  const auto has = [](const SiteModel& m, const std::string& id) {
    return std::any_of(m.nav.begin(), m.nav.end(), [&](const NavEntry& e) { return e.id == id; });
  };
  const SiteModel empty = build_site_model(content);
  EXPECT_FALSE(has(empty, "exhibition"));
  EXPECT_FALSE(has(empty, "people"));
  content.achievements = {exhibit("a", "教务处", "教学成果", "国家级", "2024-05")};
  content.people = {person("p", "优秀教师")};
  const SiteModel full = build_site_model(content);
  ASSERT_TRUE(has(full, "exhibition"));
  ASSERT_TRUE(has(full, "people"));
  std::vector<std::string> order;
  for (const auto& e : full.nav) order.push_back(e.label);
  EXPECT_EQ(order, (std::vector<std::string>{"首页", "每日动态", "成果展", "典型人物"}));
}

}  // namespace
}  // namespace zhuanlan
