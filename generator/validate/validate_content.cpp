#include "validate/validate_content.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/nearest_name.h"

namespace zhuanlan {
namespace {

void report_duplicate_ids(const std::vector<Activity>& activities, Diagnostics& diagnostics) {
  std::map<std::string, const Activity*> first;
  for (const auto& a : activities) {
    const auto [it, inserted] = first.emplace(a.id, &a);
    if (!inserted) {
      diagnostics.error(a.source, a.line,
                        "活动 id “" + a.id + "”与 " + it->second->source + " 第 " + std::to_string(it->second->line) +
                            " 行的活动重复，每个活动的 id 必须不同");
    }
  }
}

}  // namespace

void validate_content(const Content& content, Diagnostics& diagnostics) {
  // Two news items or pages of one URL are reported by check_output_paths
  // (render/output_plan.h), with every other output path.
  report_duplicate_ids(content.activities, diagnostics);

  const SiteConfig& site = content.site;
  const auto check_department = [&](const std::string& name, const std::string& file, int line, const std::string& role) {
    const std::string warning = unlisted_name_warning(name, site.departments, role, "departments");
    if (!warning.empty()) diagnostics.warning(file, line, warning);
  };
  std::set<std::string> known_activities;
  for (const auto& a : content.activities) {
    known_activities.insert(a.id);
    check_department(a.lead, a.source, a.line, "牵头部门");
    for (const auto& partner : a.partners) check_department(partner, a.source, a.line, "协办部门");
  }
  // References that may name an activity left out by an error: counted, and
  // mentioned once, instead of an error each.
  int unchecked_references = 0;
  const auto follows_from_load_error = [&] {
    if (!content.activities_incomplete) return false;
    ++unchecked_references;
    return true;
  };
  if (content.tour) {
    for (const auto& stop : content.tour->stops) {
      for (const auto& id : stop.activities) {
        if (known_activities.count(id) == 0 && !follows_from_load_error()) {
          diagnostics.error(content.tour->source, stop.line,
                            "站点“" + stop.name + "”中的活动 id “" + id + "”在 content/activities/ 中找不到，请检查拼写");
        }
      }
    }
  }
  std::set<std::string> news_slugs;
  for (const auto& item : content.news) news_slugs.insert(item.slug);
  for (const auto& report : content.media) {
    if (!report.news_slug.empty() && news_slugs.count(report.news_slug) == 0) {
      diagnostics.error(report.source, report.line,
                        "报道对应的新闻“" + report.news_slug + "”不存在。\"news\" 应当填写新闻的网址名（新闻文件名去掉 .md，或其 slug）");
    }
  }
  const DayRange span = site.month.value_or(site.week);
  for (const auto& item : content.news) {
    if (!item.activity.empty() && known_activities.count(item.activity) == 0 && !follows_from_load_error()) {
      const std::string message = "新闻报道的活动“" + item.activity + "”在 content/activities/ 中找不到，请检查 activity 的拼写";
      // Without any activities the field cannot be checked yet: only warn.
      if (content.activities.empty()) diagnostics.warning(item.source, item.lines.activity, message);
      else diagnostics.error(item.source, item.lines.activity, message);
    }
    if (item.date.utc.time_since_epoch().count() != 0 && (item.day < span.start || item.day > span.end)) {
      diagnostics.warning(item.source, item.lines.date,
                          "发布日期 " + format_day_iso(item.day) + " 不在活动周（月）" +
                              format_day_iso(span.start) + " 至 " + format_day_iso(span.end) + " 之内，请确认日期");
    }
  }
  if (unchecked_references > 0) {
    diagnostics.warning("content/activities/", 0,
                        "有 " + std::to_string(unchecked_references) +
                            " 处新闻或导览站点引用的活动没有找到，可能是因为上面报错的活动文件没有读进来；"
                            "请先改正活动文件中的错误，再检查一次");
  }
}

}  // namespace zhuanlan
