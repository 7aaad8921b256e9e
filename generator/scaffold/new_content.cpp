#include "scaffold/new_content.h"

#include "scaffold/scaffold_files.h"
#include "util/dates.h"

namespace zhuanlan {
namespace {

bool is_ascii_slug(const std::string& slug) {
  if (slug.empty() || slug.front() == '-' || slug.back() == '-') return false;
  for (const char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// 20250513-0930 from 2025-05-13 and 09:30.
std::string stamp(std::string day, std::string time) {
  std::erase(day, '-');
  std::erase(time, ':');
  return day + "-" + time;
}

const char* template_of(NewKind kind) {
  switch (kind) {
    case NewKind::news: return "new/news.md";
    case NewKind::activity: return "new/activity.json";
    case NewKind::person: return "new/person.md";
    case NewKind::page: return "new/page.md";
  }
  return "";
}

}  // namespace

std::optional<NewKind> parse_new_kind(const std::string& word) {
  if (word == "news") return NewKind::news;
  if (word == "activity") return NewKind::activity;
  if (word == "person") return NewKind::person;
  if (word == "page") return NewKind::page;
  return std::nullopt;
}

std::optional<NewFile> plan_new_file(const NewRequest& request, const SiteConfig& site, std::string* error) {
  const std::string day = format_day_iso(china_day(request.when));
  const std::string time = format_time_china(request.when);
  static constexpr const char* kPrefix[] = {"", "activity-", "person-", "page-"};
  const std::string slug =
      request.slug.empty() ? kPrefix[static_cast<int>(request.kind)] + stamp(day, time) : request.slug;
  if (!is_ascii_slug(slug)) {
    *error = "--slug “" + slug + "” 只能用小写英文字母、数字和 -（不能以 - 开头或结尾），例如 skills-contest";
    return std::nullopt;
  }
  kainjow::mustache::data values;
  values.set("title", json_quoted(request.title));
  values.set("date", day);
  values.set("time", time);
  // An hour later, on the same day: the activity's end, to be corrected.
  const int hour = std::stoi(time.substr(0, 2));
  values.set("end_time", (hour < 23 ? (hour + 1 < 10 ? "0" : "") + std::to_string(hour + 1) : std::string("23")) +
                             time.substr(2));
  values.set("id", slug);
  values.set("department", json_quoted(site.departments.size() == 1 ? site.departments.front() : ""));
  std::string names;
  for (std::size_t i = 0; i < site.departments.size() && i < 6; ++i) names += (i ? "、" : "") + site.departments[i];
  if (site.departments.size() > 6) names += "……";
  if (site.departments.size() > 1) values.set("department_names", names);
  values.set("reviewer", site.require_reviewer);

  std::string path;
  switch (request.kind) {
    case NewKind::news: path = "content/news/" + day + "/" + slug + ".md"; break;
    case NewKind::activity: path = "content/activities/" + slug + ".json"; break;
    case NewKind::person: path = "content/people/" + slug + ".md"; break;
    case NewKind::page: path = "content/pages/" + slug + ".md"; break;
  }
  for (const ScaffoldFile& file : scaffold_files(template_of(request.kind))) {
    return NewFile{path, fill_scaffold(file.text, values)};
  }
  *error = "程序缺少新建文件用的模板 " + std::string(template_of(request.kind));
  return std::nullopt;
}

}  // namespace zhuanlan
