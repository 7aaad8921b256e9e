#include "model/exhibition_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/hash.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

// Names in the order given by `listed`, then in the order they first occur.
std::vector<std::string> ordered_names(const std::vector<std::string>& occurrences,
                                       const std::vector<std::string>& listed) {
  std::vector<std::string> out;
  const std::set<std::string> present(occurrences.begin(), occurrences.end());
  for (const auto& name : listed) {
    if (present.count(name) && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  for (const auto& name : occurrences) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

std::size_t rank_in(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

// One group per name, with its name's ASCII slug. "AI" and "ai" share one:
// check_output_paths reports them, as one name written two ways.
std::vector<ExhibitGroup> make_groups(const std::vector<std::string>& names, const std::string& folder,
                                      const std::vector<Achievement>& exhibits,
                                      const std::string& (*name_of)(const Achievement&)) {
  std::vector<ExhibitGroup> groups;
  for (const auto& name : names) {
    ExhibitGroup group;
    group.name = name;
    group.slug = ascii_slug(name);
    group.url = folder + "/" + group.slug + ".html";
    for (std::size_t i = 0; i < exhibits.size(); ++i) {
      if (name_of(exhibits[i]) == name) group.exhibits.push_back(i);
    }
    if (!group.exhibits.empty()) groups.push_back(std::move(group));
  }
  return groups;
}

const std::string& department_of(const Achievement& a) { return a.department; }
const std::string& category_of(const Achievement& a) { return a.category; }
const std::string& level_of(const Achievement& a) { return a.level; }

}  // namespace

const std::vector<std::string>& achievement_levels() {
  static const std::vector<std::string> levels = {"国家级", "省级", "市级", "校级"};
  return levels;
}

int level_rank(const std::string& level) {
  const auto& levels = achievement_levels();
  return static_cast<int>(std::find(levels.begin(), levels.end(), level) - levels.begin()) + 1;
}

std::string print_page_path(const ExhibitGroup& department) { return "exhibition/print/" + department.slug + ".html"; }

Exhibition build_exhibition(std::vector<Achievement> achievements, std::vector<Person> people, const SiteConfig& site) {
  Exhibition ex;
  std::vector<std::string> departments, categories;
  for (const auto& a : achievements) {
    departments.push_back(a.department);
    categories.push_back(a.category);
  }
  const auto department_order = ordered_names(departments, site.departments);
  const auto category_order = ordered_names(categories, {});
  ex.exhibits = std::move(achievements);
  std::stable_sort(ex.exhibits.begin(), ex.exhibits.end(), [&](const Achievement& a, const Achievement& b) {
    const auto key = [&](const Achievement& x) {
      return std::tuple(rank_in(department_order, x.department), rank_in(category_order, x.category),
                        level_rank(x.level));
    };
    if (key(a) != key(b)) return key(a) < key(b);
    if (a.date != b.date) return a.date > b.date;  // newest first; no date last
    return std::tie(a.title, a.id) < std::tie(b.title, b.id);
  });
  ex.departments = make_groups(department_order, "exhibition/departments", ex.exhibits, department_of);
  ex.categories = make_groups(category_order, "exhibition/categories", ex.exhibits, category_of);
  ex.levels = make_groups(achievement_levels(), "exhibition/levels", ex.exhibits, level_of);

  std::vector<std::size_t> by_level(ex.exhibits.size());
  for (std::size_t i = 0; i < by_level.size(); ++i) by_level[i] = i;
  std::stable_sort(by_level.begin(), by_level.end(), [&](std::size_t a, std::size_t b) {
    const Achievement& x = ex.exhibits[a];
    const Achievement& y = ex.exhibits[b];
    if (level_rank(x.level) != level_rank(y.level)) return level_rank(x.level) < level_rank(y.level);
    return x.date > y.date;
  });
  by_level.resize(std::min(by_level.size(), kHomeHighlightCount));
  ex.highlights = std::move(by_level);

  std::vector<std::string> roles;
  for (const auto& person : people) roles.push_back(person.role);
  const auto role_order = ordered_names(roles, site.people_roles);
  ex.people = std::move(people);
  std::stable_sort(ex.people.begin(), ex.people.end(), [&](const Person& a, const Person& b) {
    return std::tuple(rank_in(role_order, a.role), a.order, a.slug) <
           std::tuple(rank_in(role_order, b.role), b.order, b.slug);
  });
  for (const auto& role : role_order) {
    PeopleGroup group;
    group.role = role;
    group.anchor = "role-" + ascii_slug(role);
    for (std::size_t i = 0; i < ex.people.size(); ++i) {
      if (ex.people[i].role == role) group.people.push_back(i);
    }
    ex.roles.push_back(std::move(group));
  }
  return ex;
}

}  // namespace zhuanlan
