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
  for (auto& [name, indices] : by_name) {
    Term term;
    term.name = name;
    // "AI" and "ai" share a slug: check_output_paths reports them, since
    // they are most likely one name written two ways.
    term.slug = ascii_slug(name);
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

const Activity* SiteModel::activity_of(const NewsItem& item) const {
  const auto it = activity_by_id.find(item.activity);
  return it == activity_by_id.end() ? nullptr : &activities[it->second];
}

namespace {

void build_schedule(SiteModel& model) {
  std::sort(model.activities.begin(), model.activities.end(), [](const Activity& a, const Activity& b) {
    if (a.start.utc != b.start.utc) return a.start.utc < b.start.utc;
    return a.id < b.id;
  });
  std::map<Day, std::vector<std::size_t>> by_day;
  for (std::size_t i = 0; i < model.activities.size(); ++i) {
    const Activity& a = model.activities[i];
    model.activity_by_id[a.id] = i;
    for (Day d = a.first_day; d <= a.last_day; d += std::chrono::days(1)) by_day[d].push_back(i);
    model.department_activities[a.lead].push_back(i);
    for (const auto& partner : a.partners) {
      auto& list = model.department_activities[partner];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }
  const DayRange week = model.site.week;
  for (Day d = week.start; d <= week.end; d += std::chrono::days(1)) by_day[d];
  for (const auto& [day, theme] : model.site.day_themes) by_day[day];
  for (auto& [day, indices] : by_day) {
    // An activity that began on an earlier day is already under way: it
    // comes first, as if it started at midnight.
    const auto starts_at = [&, d = day](std::size_t i) {
      const Activity& a = model.activities[i];
      return a.first_day < d ? std::chrono::sys_seconds{d} - std::chrono::hours(8) : a.start.utc;
    };
    std::stable_sort(indices.begin(), indices.end(),
                     [&](std::size_t a, std::size_t b) { return starts_at(a) < starts_at(b); });
    ScheduleDay entry;
    entry.day = day;
    entry.in_week = day >= week.start && day <= week.end;
    if (const auto it = model.site.day_themes.find(day); it != model.site.day_themes.end()) entry.theme = it->second;
    entry.activities = std::move(indices);
    model.schedule.push_back(std::move(entry));
  }
  model.activity_news.resize(model.activities.size());
  for (std::size_t n = 0; n < model.news.size(); ++n) {
    if (const auto it = model.activity_by_id.find(model.news[n].activity); it != model.activity_by_id.end()) {
      model.activity_news[it->second].push_back(n);
    }
  }
}

std::size_t media_level_rank(const std::string& level) {
  const auto& levels = media_levels();
  return static_cast<std::size_t>(std::find(levels.begin(), levels.end(), level) - levels.begin());
}

}  // namespace

SiteModel build_site_model(Content content) {
  SiteModel model;
  model.site = std::move(content.site);
  model.news = std::move(content.news);
  model.pages = std::move(content.pages);
  model.activities = std::move(content.activities);
  model.media = std::move(content.media);
  model.tour = std::move(content.tour);
  std::stable_sort(model.media.begin(), model.media.end(), [](const MediaReport& a, const MediaReport& b) {
    if (a.date != b.date) return a.date > b.date;
    return media_level_rank(a.level) < media_level_rank(b.level);
  });

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

  build_schedule(model);
  model.departments = group_terms(model.news, "departments", department_of);
  // A department that runs activities has a page even without news.
  for (const auto& [name, activities] : model.department_activities) {
    if (std::any_of(model.departments.begin(), model.departments.end(), [&name = name](const Term& t) { return t.name == name; })) {
      continue;
    }
    Term term;
    term.name = name;
    term.slug = ascii_slug(name);
    term.url = "departments/" + term.slug + ".html";
    model.departments.push_back(std::move(term));
  }
  std::sort(model.departments.begin(), model.departments.end(),
            [](const Term& a, const Term& b) { return a.name < b.name; });
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
  if (!model.activities.empty()) {
    model.nav.push_back({10, "活动安排", "schedule/index.html", "schedule"});
    model.nav.push_back({70, "数据统计", "stats/index.html", "stats"});
  }
  if (!model.media.empty()) model.nav.push_back({60, "媒体聚焦", "media/index.html", "media"});
  if (model.tour) model.nav.push_back({50, "线上逛校园", "tour/index.html", "tour"});
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
