#include "render/people_pages.h"

#include "render/image_tag.h"
#include "render/exhibition_pages.h"
#include "render/qr_code.h"
#include "util/paths.h"

namespace zhuanlan {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

const std::string kIndexPath = "people/index.html";

const PeopleGroup& role_of(const Exhibition& ex, const Person& person) {
  for (const auto& group : ex.roles) {
    if (group.role == person.role) return group;
  }
  return ex.roles.front();  // every person's role has a group
}

std::string people_index(PageRenderer& r) {
  const Exhibition& ex = r.model().exhibition;
  const std::string root = root_prefix_for(kIndexPath);
  data d = r.common(root);
  d.set("count", std::to_string(ex.people.size()));
  list roles;
  for (const auto& group : ex.roles) {
    list cards;
    for (const std::size_t i : group.people) {
      const Person& person = ex.people[i];
      data card;
      card.set("root", root);
      card.set("name", person.name);
      card.set("url", person.url);
      card.set("role", person.role);
      card.set("department", person.department.empty() ? data(false) : data(person.department));
      card.set("honor", person.honors.empty() ? data(false) : data(person.honors.front()));
      card.set("photo", person.photo ? data(person.photo->published_path) : data(false));
      card.set("photo_img", person.photo ? data(card_image_tag(*person.photo, root)) : data(false));
      data entry;
      entry.set("card", r.render("person_card", card));
      cards.push_back(entry);
    }
    data entry;
    entry.set("role", group.role);
    entry.set("anchor", group.anchor);
    entry.set("count", std::to_string(group.people.size()));
    entry.set("cards", cards);
    roles.push_back(entry);
  }
  d.set("roles", roles);
  return r.wrap({kIndexPath, "people", r.text().get("典型人物.标题"),
                 r.text().fill("典型人物.简介", {{"学校", r.model().site.school}}), "", false, false},
                r.render("people", d));
}

std::string person_page(PageRenderer& r, std::size_t index) {
  const SiteModel& model = r.model();
  const Exhibition& ex = model.exhibition;
  const Person& person = ex.people[index];
  const std::string root = root_prefix_for(person.url);
  data d = r.common(root);
  d.set("name", person.name);
  d.set("role", person.role);
  d.set("role_anchor", role_of(ex, person).anchor);
  d.set("department", person.department.empty() ? data(false) : data(person.department));
  d.set("photo", person.photo ? data(person.photo->published_path) : data(false));
  d.set("photo_alt", person.photo ? person.photo->alt : std::string());
  // The first thing on the page: not lazy.
  d.set("photo_img", person.photo ? data(image_tag(*person.photo, root, false, kPortraitImageSizes)) : data(false));
  list honors;
  for (const auto& honor : person.honors) honors.push_back(data(honor));
  d.set("honors", honors);
  d.set("has_honors", !person.honors.empty());
  d.set("story", r.markdown(person.story_markdown, person.url));
  d.set("qr", qr_code_box(model, person.url));
  const auto neighbour = [&](std::size_t k) {
    data link;
    link.set("name", ex.people[k].name);
    link.set("role", ex.people[k].role);
    link.set("url", ex.people[k].url);
    return link;
  };
  d.set("prev", index > 0 ? neighbour(index - 1) : data(false));
  d.set("next", index + 1 < ex.people.size() ? neighbour(index + 1) : data(false));
  return r.wrap({person.url, "people", r.text().fill("典型人物.人物标题", {{"姓名", person.name}, {"身份", person.role}}),
                 person.summary.empty() ? person.role + person.name : person.summary,
                 person.photo ? person.photo->published_path : std::string(), true, false},
                r.render("person", d));
}

}  // namespace

void plan_people_pages(const SiteModel& model, std::vector<PageJob>& jobs) {
  const Exhibition& ex = model.exhibition;
  if (ex.people.empty()) return;
  jobs.push_back({kIndexPath, [](PageRenderer& r) { return people_index(r); }, true, {"", 0, "典型人物首页", ""}});
  for (std::size_t i = 0; i < ex.people.size(); ++i) {
    const Person& person = ex.people[i];
    const OutputOrigin origin{person.source, person.lines.slug, "典型人物“" + person.name + "”",
                              "请给文件改名，或在 front matter 中写另一个 slug（例如 slug: zhang-san）"};
    jobs.push_back({person.url, [i](PageRenderer& r) { return person_page(r, i); }, true, origin});
    jobs.push_back(qr_code_job(model, person.url, origin));
  }
}

}  // namespace zhuanlan
