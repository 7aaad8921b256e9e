#include "model/site_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/hash.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

std::vector<Term> group_terms(const std::vector<NewsItem>& news, const std::string& folder,
                              const std::vector<std::string>& (*names_of)(const NewsItem&, std::vector<std::string>&)) {
  std::map<std::string, std::vector<std::size_t>> by_name;
  std::vector<std::string> scratch;
  for (std::size_t i = 0; i < news.size(); ++i) {
    for (const auto& name : names_of(news[i], scratch)) by_name[name].push_back(i);
  }
  std::vector<Term> terms;
  std::set<std::string> used_slugs;
  for (auto& [name, indices] : by_name) {
    Term term;
    term.name = name;
    term.slug = ascii_slug(name);
    // "AI" and "ai" would share a slug; the second gets its name's hash.
    if (!used_slugs.insert(term.slug).second) {
      term.slug.append("-").append(sha256_hex(name), 0, 8);
      used_slugs.insert(term.slug);
    }
    term.url = folder + "/" + term.slug + ".html";
    term.news = std::move(indices);
    terms.push_back(std::move(term));
  }
  return terms;
}

const std::vector<std::string>& department_of(const NewsItem& item, std::vector<std::string>& scratch) {
  scratch.assign(1, item.department);
  if (item.department.empty()) scratch.clear();
  return scratch;
}

const std::vector<std::string>& tags_of(const NewsItem& item, std::vector<std::string>& scratch) {
  scratch.clear();
  for (const auto& tag : item.tags) {
    if (std::find(scratch.begin(), scratch.end(), tag) == scratch.end()) scratch.push_back(tag);
  }
  return scratch;
}

}  // namespace

std::vector<PageSlice> paginate(std::size_t count, int per_page) {
  const std::size_t size = static_cast<std::size_t>(std::max(per_page, 1));
  const int total = count == 0 ? 1 : static_cast<int>((count + size - 1) / size);
  std::vector<PageSlice> slices;
  slices.reserve(static_cast<std::size_t>(total));
  for (int n = 1; n <= total; ++n) {
    const std::size_t begin = static_cast<std::size_t>(n - 1) * size;
    slices.push_back({n, total, begin, std::min(count, begin + size)});
  }
  return slices;
}

std::string paged_path(const std::string& first_path, int number) {
  if (number <= 1) return first_path;
  const std::string stem = first_path.substr(0, first_path.size() - std::string(".html").size());
  return stem + "_" + std::to_string(number) + ".html";
}

SiteModel build_site_model(Content content) {
  SiteModel model;
  model.site = std::move(content.site);
  model.news = std::move(content.news);
  model.pages = std::move(content.pages);

  std::sort(model.news.begin(), model.news.end(), [](const NewsItem& a, const NewsItem& b) {
    if (a.date.utc != b.date.utc) return a.date.utc > b.date.utc;
    return a.slug < b.slug;
  });
  std::sort(model.pages.begin(), model.pages.end(), [](const FreePage& a, const FreePage& b) {
    if (a.order != b.order) return a.order < b.order;
    return a.slug < b.slug;
  });

  std::map<Day, std::vector<std::size_t>> by_day;
  for (std::size_t i = 0; i < model.news.size(); ++i) by_day[model.news[i].day].push_back(i);
  for (auto& [day, indices] : by_day) {
    NewsDay entry;
    entry.day = day;
    entry.url = "days/" + format_day_iso(day) + ".html";
    if (const auto it = model.site.day_themes.find(day); it != model.site.day_themes.end()) entry.theme = it->second;
    entry.news = std::move(indices);
    model.days.push_back(std::move(entry));
  }

  model.departments = group_terms(model.news, "departments", department_of);
  const auto& listed = model.site.departments;
  const auto rank = [&](const Term& term) {
    const auto it = std::find(listed.begin(), listed.end(), term.name);
    return static_cast<std::size_t>(it - listed.begin());
  };
  std::stable_sort(model.departments.begin(), model.departments.end(),
                   [&](const Term& a, const Term& b) { return rank(a) < rank(b); });
  model.tags = group_terms(model.news, "tags", tags_of);
  std::stable_sort(model.tags.begin(), model.tags.end(),
                   [](const Term& a, const Term& b) { return a.news.size() > b.news.size(); });

  for (std::size_t i = 0; i < model.news.size() && model.home_news.size() < kHomeNewsCount; ++i) {
    if (model.news[i].top) model.home_news.push_back(i);
  }
  for (std::size_t i = 0; i < model.news.size() && model.home_news.size() < kHomeNewsCount; ++i) {
    if (!model.news[i].top) model.home_news.push_back(i);
  }
  for (Day day = model.site.week.start; day <= model.site.week.end; day += std::chrono::days(1)) {
    model.week_days.push_back(day);
  }

  model.nav.push_back({0, "首页", "index.html", "home"});
  model.nav.push_back({20, "每日动态", "news/index.html", "news"});
  model.exhibition = build_exhibition(std::move(content.achievements), std::move(content.people), model.site);
  if (!model.exhibition.exhibits.empty()) model.nav.push_back({30, "成果展", "exhibition/index.html", "exhibition"});
  if (!model.exhibition.people.empty()) model.nav.push_back({40, "典型人物", "people/index.html", "people"});
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    const FreePage& page = model.pages[i];
    model.nav.push_back({100 + static_cast<int>(i), page.menu, page.url, page.url});
  }
  std::stable_sort(model.nav.begin(), model.nav.end(),
                   [](const NavEntry& a, const NavEntry& b) { return a.rank < b.rank; });
  return model;
}

}  // namespace zhuanlan
