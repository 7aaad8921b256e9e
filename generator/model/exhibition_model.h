#pragma once
// The online exhibition (成果展) and the typical people (典型人物) as they
// will be published: exhibits in the order a visitor walks through them,
// grouped by department, category and level, and people grouped by role.
#include <string>
#include <vector>

#include "model/content.h"

namespace zhuanlan {

// The exhibits that share a department, a category or a level.
struct ExhibitGroup {
  std::string name;
  std::string slug;
  std::string url;                     // exhibition/departments/<slug>.html
  std::vector<std::size_t> exhibits;   // indices into Exhibition::exhibits, in exhibition order
};

struct PeopleGroup {
  std::string role;
  std::string anchor;                // the id of its heading on people/index.html
  std::vector<std::size_t> people;   // indices into Exhibition::people
};

struct Exhibition {
  // By department, category, level (highest first), date (newest first),
  // title and id. This is also the route of 网上巡校.
  std::vector<Achievement> exhibits;
  std::vector<ExhibitGroup> departments;  // site.json's departments order, then first appearance
  std::vector<ExhibitGroup> categories;   // by first appearance in the content
  std::vector<ExhibitGroup> levels;       // 国家级, 省级, 市级, 校级: those that have exhibits
  std::vector<std::size_t> highlights;    // for the home page: national and provincial first

  std::vector<Person> people;             // by role, order, then slug
  std::vector<PeopleGroup> roles;         // people.roles' order, then first appearance
};

// achievements and people in the order they were loaded (files by path,
// records by line); "first appearance" refers to that order.
Exhibition build_exhibition(std::vector<Achievement> achievements, std::vector<Person> people, const SiteConfig& site);

// The levels an achievement may have, highest first.
const std::vector<std::string>& achievement_levels();

// 1 for 国家级 … 4 for 校级, 5 when there is no level.
int level_rank(const std::string& level);

// The site-relative path of the printable board page of a department.
std::string print_page_path(const ExhibitGroup& department);

constexpr std::size_t kHomeHighlightCount = 6;

}  // namespace zhuanlan
