#include "render/exhibition_pages.h"

#include <algorithm>

#include "render/image_tag.h"
#include "render/qr_code.h"
#include "util/paths.h"
#include "util/text.h"

namespace zhuanlan {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

const std::string kIndexPath = "exhibition/index.html";
constexpr std::size_t kHomePeopleCount = 4;

enum class ListKind { department, category, level };

data link(const std::string& name, const std::string& url) {
  data d;
  d.set("name", name);
  d.set("url", url);
  return d;
}

// What every view of an exhibit shows about it (links are site-relative).
void set_exhibit_facts(data& d, const Achievement& a) {
  d.set("title", a.title);
  d.set("url", a.url);
  d.set("department", a.department);
  d.set("category", a.category);
  d.set("level", text_or_false(a.level));
  d.set("level_rank", std::to_string(level_rank(a.level)));
  d.set("date_text", text_or_false(a.date_text));
  d.set("people", text_or_false(join(a.people)));
  d.set("summary", text_or_false(a.summary_text));
  d.set("thumb", a.gallery.empty() ? data(false) : data(a.gallery.front().published_path));
}

data exhibit_facts(const Achievement& a) {
  data d;
  set_exhibit_facts(d, a);
  return d;
}

const ExhibitGroup* group_named(const std::vector<ExhibitGroup>& groups, const std::string& name) {
  for (const auto& g : groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

list exhibit_cards(PageRenderer& r, const std::vector<std::size_t>& exhibits, const std::string& root) {
  list cards;
  for (const std::size_t i : exhibits) {
    const Achievement& a = r.model().exhibition.exhibits[i];
    data card = exhibit_facts(a);
    card.set("root", root);
    card.set("thumb_img", a.gallery.empty() ? data(false) : data(card_image_tag(a.gallery.front(), root)));
    data entry;
    entry.set("card", r.render("exhibit_card", card));
    cards.push_back(entry);
  }
  return cards;
}

list group_links(const std::vector<ExhibitGroup>& groups) {
  list out;
  for (const auto& g : groups) {
    data d = link(g.name, g.url);
    d.set("count", std::to_string(g.exhibits.size()));
    out.push_back(d);
  }
  return out;
}

std::string exhibition_index(PageRenderer& r) {
  const Exhibition& ex = r.model().exhibition;
  const std::string root = root_prefix_for(kIndexPath);
  data d = r.common(root);
  d.set("count", std::to_string(ex.exhibits.size()));
  d.set("department_count", std::to_string(ex.departments.size()));
  d.set("first_department", link(ex.departments.front().name, ex.departments.front().url));
  d.set("category_links", group_links(ex.categories));
  d.set("level_links", group_links(ex.levels));
  list departments;
  for (const auto& department : ex.departments) {
    data entry = link(department.name, department.url);
    entry.set("slug", department.slug);
    entry.set("count", std::to_string(department.exhibits.size()));
    list categories;
    for (std::size_t i = 0; i < department.exhibits.size();) {
      const std::string& category = ex.exhibits[department.exhibits[i]].category;
      list exhibits;
      for (; i < department.exhibits.size() && ex.exhibits[department.exhibits[i]].category == category; ++i) {
        exhibits.push_back(exhibit_facts(ex.exhibits[department.exhibits[i]]));
      }
      data group;
      group.set("name", category);
      group.set("exhibits", exhibits);
      categories.push_back(group);
    }
    entry.set("categories", categories);
    departments.push_back(entry);
  }
  d.set("departments", departments);
  return r.wrap({kIndexPath, "exhibition", r.text().get("成果展.标题"),
                 r.text().fill("成果展.简介", {{"学校", r.model().site.school}}), "", false, false},
                r.render("exhibition", d));
}

std::string exhibit_list_page(PageRenderer& r, ListKind kind, std::size_t index) {
  const Exhibition& ex = r.model().exhibition;
  const auto& groups = kind == ListKind::department ? ex.departments
                       : kind == ListKind::category ? ex.categories
                                                    : ex.levels;
  const ExhibitGroup& group = groups[index];
  const std::string root = root_prefix_for(group.url);
  data d = r.common(root);
  SiteText& text = r.text();
  const std::string heading = kind == ListKind::level ? text.fill("成果展.级别标题", {{"级别", group.name}}) : group.name;
  d.set("heading", heading);
  d.set("kind", text.get(kind == ListKind::department ? "成果展.按单位"
                         : kind == ListKind::category ? "成果展.按类别"
                                                      : "成果展.按级别"));
  d.set("name", group.name);
  d.set("count", std::to_string(group.exhibits.size()));
  d.set("cards", exhibit_cards(r, group.exhibits, root));
  if (kind == ListKind::department) {
    data route;
    route.set("position", std::to_string(index + 1));
    route.set("total", std::to_string(groups.size()));
    route.set("prev", index > 0 ? link(groups[index - 1].name, groups[index - 1].url) : data(false));
    route.set("next", index + 1 < groups.size() ? link(groups[index + 1].name, groups[index + 1].url) : data(false));
    d.set("route", route);
    d.set("print_url", print_page_path(group));
  } else {
    d.set("route", false);
    d.set("print_url", false);
  }
  const Achievement& first = ex.exhibits[group.exhibits.front()];
  return r.wrap({group.url, "exhibition", text.fill("成果展.列表标题", {{"标题", heading}}),
                 text.fill("成果展.列表简介", {{"学校", r.model().site.school},
                                               {"标题", heading},
                                               {"数量", std::to_string(group.exhibits.size())}}),
                 first.gallery.empty() ? std::string() : first.gallery.front().published_path, false, false},
                r.render("exhibit_list", d));
}

std::string exhibit_page(PageRenderer& r, std::size_t index) {
  const SiteModel& model = r.model();
  const Exhibition& ex = model.exhibition;
  const Achievement& a = ex.exhibits[index];
  const std::string root = root_prefix_for(a.url);
  data d = r.common(root);
  set_exhibit_facts(d, a);
  const auto url_of = [](const ExhibitGroup* g) { return g ? data(g->url) : data(false); };
  d.set("department_url", url_of(group_named(ex.departments, a.department)));
  d.set("category_url", url_of(group_named(ex.categories, a.category)));
  d.set("level_url", url_of(group_named(ex.levels, a.level)));
  d.set("summary_html", text_or_false(r.markdown(a.summary_markdown, a.url)));
  list gallery;
  for (const auto& image : a.gallery) {
    data entry;
    entry.set("img", image_tag(image, root, true, kGridImageSizes));
    entry.set("src", image.published_path);
    entry.set("alt", image.alt);
    entry.set("caption", image.caption);
    gallery.push_back(entry);
  }
  d.set("gallery", gallery);
  d.set("has_gallery", !a.gallery.empty());
  d.set("link", text_or_false(a.link));
  list places;  // the campus tour's stops where it is on show
  if (model.tour) {
    for (const auto& stop : model.tour->stops) {
      if (std::find(stop.achievements.begin(), stop.achievements.end(), a.id) != stop.achievements.end()) {
        places.push_back(link(stop.name, stop.url));
      }
    }
  }
  d.set("tour_places", places);
  d.set("has_tour_places", !places.empty());
  d.set("qr", qr_code_box(model, a.url));
  // The tour goes on across departments: say when the next step changes department.
  const auto step = [&](std::size_t k) {
    const Achievement& other = ex.exhibits[k];
    data s = link(other.title, other.url);
    s.set("department", other.department != a.department ? data(other.department) : data(false));
    return s;
  };
  d.set("prev", index > 0 ? step(index - 1) : data(false));
  d.set("next", index + 1 < ex.exhibits.size() ? step(index + 1) : data(false));
  const std::string description = a.summary_text.empty() ? a.department + " · " + a.category : a.summary_text;
  return r.wrap({a.url, "exhibition", a.title, description,
                 a.gallery.empty() ? std::string() : a.gallery.front().published_path, true, false},
                r.render("exhibit", d));
}

std::string exhibition_print_page(PageRenderer& r, std::size_t department_index) {
  const SiteModel& model = r.model();
  const Exhibition& ex = model.exhibition;
  const ExhibitGroup& department = ex.departments[department_index];
  const std::string path = print_page_path(department);
  const std::string root = root_prefix_for(path);
  data d = r.common(root);
  d.set("name", department.name);
  d.set("department_url", department.url);
  d.set("qr", qr_code_box(model, department.url));
  list exhibits;
  for (const std::size_t i : department.exhibits) {
    data entry = exhibit_facts(ex.exhibits[i]);
    entry.set("qr", qr_code_box(model, ex.exhibits[i].url));
    exhibits.push_back(entry);
  }
  d.set("exhibits", exhibits);
  return r.wrap({path, "exhibition", r.text().fill("成果展.打印页标题", {{"单位", department.name}}),
                 r.text().fill("成果展.打印页简介", {{"单位", department.name}}), "", false, false},
                r.render("exhibition_print", d));
}

}  // namespace

data exhibit_links(const SiteModel& model, const std::vector<std::string>& ids) {
  list out;
  for (const auto& id : ids) {
    for (const auto& a : model.exhibition.exhibits) {
      if (a.id == id) out.push_back(exhibit_facts(a));
    }
  }
  return out;
}

void plan_exhibition_pages(const SiteModel& model, std::vector<PageJob>& jobs) {
  const Exhibition& ex = model.exhibition;
  if (ex.exhibits.empty()) return;
  jobs.push_back({kIndexPath, [](PageRenderer& r) { return exhibition_index(r); }, true, {"", 0, "成果展首页", ""}});
  // A group is named by its first exhibit.
  const auto group_origin = [&](const ExhibitGroup& group, const std::string& kind_name) {
    const Achievement& first = ex.exhibits[group.exhibits.front()];
    return OutputOrigin{first.source, first.line, "成果展的" + kind_name + "“" + group.name + "”列表",
                        "网址由名称中的英文字母和数字组成，只差大小写、空格或标点的名称网址相同：请在所有文件中统一写成同一个名称"};
  };
  for (const ListKind kind : {ListKind::department, ListKind::category, ListKind::level}) {
    const auto& groups = kind == ListKind::department ? ex.departments
                         : kind == ListKind::category ? ex.categories
                                                      : ex.levels;
    const std::string kind_name = kind == ListKind::department ? "单位" : kind == ListKind::category ? "类别" : "级别";
    for (std::size_t i = 0; i < groups.size(); ++i) {
      jobs.push_back({groups[i].url, [kind, i](PageRenderer& r) { return exhibit_list_page(r, kind, i); }, true,
                      group_origin(groups[i], kind_name)});
    }
  }
  for (std::size_t i = 0; i < ex.exhibits.size(); ++i) {
    const Achievement& a = ex.exhibits[i];
    const OutputOrigin origin{a.source, a.line, "成果“" + a.title + "”（编号 " + a.id + "）", "请给这项成果写另一个编号 id"};
    jobs.push_back({a.url, [i](PageRenderer& r) { return exhibit_page(r, i); }, true, origin});
    jobs.push_back(qr_code_job(model, a.url, origin));
  }
  for (std::size_t i = 0; i < ex.departments.size(); ++i) {
    const OutputOrigin origin = group_origin(ex.departments[i], "单位");
    jobs.push_back({print_page_path(ex.departments[i]), [i](PageRenderer& r) { return exhibition_print_page(r, i); },
                    true, {origin.file, origin.line, "单位“" + ex.departments[i].name + "”的展板打印页", origin.fix}});
    jobs.push_back(qr_code_job(model, ex.departments[i].url, origin));
  }
}

data exhibition_home(const SiteModel& model) {
  const Exhibition& ex = model.exhibition;
  if (ex.exhibits.empty() && ex.people.empty()) return data(false);
  data d;
  list highlights;
  for (const std::size_t i : ex.highlights) highlights.push_back(exhibit_facts(ex.exhibits[i]));
  d.set("highlights", highlights);
  d.set("has_highlights", !ex.highlights.empty());
  d.set("count", std::to_string(ex.exhibits.size()));
  // The first person of each role, so the strip shows the range of roles.
  list people;
  for (const auto& role : ex.roles) {
    if (people.size() >= kHomePeopleCount) break;
    const Person& person = ex.people[role.people.front()];
    data entry = link(person.name, person.url);
    entry.set("role", person.role);
    entry.set("photo", person.photo ? data(person.photo->published_path) : data(false));
    entry.set("photo_img", person.photo ? data(card_image_tag(*person.photo, root_prefix_for("index.html"))) : data(false));
    people.push_back(entry);
  }
  d.set("people", people);
  d.set("has_people", !ex.people.empty());
  return d;
}

}  // namespace zhuanlan
