#include "render/schedule_pages.h"

#include <nlohmann/json.hpp>

#include "model/activity_time.h"
#include "render/image_tag.h"
#include "util/paths.h"
#include "util/text.h"

namespace zhuanlan {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

std::string day_text(Day day) { return format_day_chinese(day) + " " + weekday_chinese(day); }

// A figure that was entered, with its unit; nothing for one that was not,
// nor for a 0 (the forms need it, a visitor does not).
void add_figure(list& figures, const SiteText& text, const std::string& label, const std::optional<long long>& value,
                const std::string& unit) {
  if (!value || *value == 0) return;
  data entry;
  entry.set("label", text.get(label));
  entry.set("value", std::to_string(*value) + " " + text.get(unit));
  figures.push_back(entry);
}

}  // namespace

std::string activity_time_text(const Activity& a, const SiteText& site_text) {
  return activity_time_text(a, site_text.get("活动.全天"));
}

data activity_entry(const Activity& a, const SiteText& text) {
  data d;
  d.set("id", a.id);
  d.set("title", a.title);
  d.set("url", a.url);
  d.set("time_text", activity_time_text(a, text));
  d.set("clock", a.start.has_time ? data(format_time_china(a.start.utc) +
                                         (a.end && a.first_day == a.last_day ? "—" + format_time_china(a.end->utc) : ""))
                                  : data(text.get("活动.全天")));
  d.set("location", text_or_false(a.location));
  d.set("lead", a.lead);
  d.set("partners", text_or_false(join(a.partners)));
  d.set("form", text_or_false(a.form));
  d.set("category", text_or_false(a.category));
  d.set("open", a.open_to_public.value_or(false));
  d.set("closed", a.open_to_public.has_value() && !*a.open_to_public);
  d.set("multi_day", a.first_day != a.last_day);
  d.set("span_text", a.first_day != a.last_day ? format_month_day_chinese(a.first_day) + "—" +
                                                     format_month_day_chinese(a.last_day)
                                               : std::string());
  return d;
}

std::string schedule_json(const SiteModel& model, const SiteText& site_text) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : model.activities) {
    items.push_back({{"title", a.title},
                     {"url", a.url},
                     {"location", a.location},
                     {"first_day", format_day_iso(a.first_day)},
                     {"last_day", format_day_iso(a.last_day)},
                     {"start", format_rfc3339_china(a.start.utc)},
                     {"time", activity_time_text(a, site_text)}});
  }
  std::string text = items.dump();
  // '<' only occurs inside strings; escaping it keeps "</script>" inert.
  std::string safe;
  safe.reserve(text.size());
  for (const char c : text) {
    if (c == '<') safe += "\\u003c";
    else safe += c;
  }
  return safe;
}

void add_schedule_strip(const SiteModel& model, const SiteText& text, data& home) {
  home.set("has_activities", !model.activities.empty());
  if (model.activities.empty()) return;
  list days;
  for (const auto& day : model.schedule) {
    if (!day.in_week) continue;
    data entry;
    entry.set("date_text", format_month_day_chinese(day.day) + " " + weekday_chinese(day.day));
    entry.set("theme", text_or_false(day.theme));
    list activities;
    for (const std::size_t i : day.activities) activities.push_back(activity_entry(model.activities[i], text));
    entry.set("activities", activities);
    entry.set("has_activities", !day.activities.empty());
    days.push_back(entry);
  }
  home.set("schedule_days", days);
  home.set("schedule_json", schedule_json(model, text));
}

data department_activities(const SiteModel& model, const std::string& department, const SiteText& text) {
  list out;
  const auto it = model.department_activities.find(department);
  if (it == model.department_activities.end()) return out;
  for (const std::size_t i : it->second) {
    const Activity& a = model.activities[i];
    data entry = activity_entry(a, text);
    entry.set("role", text.get(a.lead == department ? "活动.牵头" : "活动.协办"));
    out.push_back(entry);
  }
  return out;
}

std::string render_schedule(PageRenderer& r) {
  const SiteModel& model = r.model();
  const std::string path = "schedule/index.html";
  const std::string root = root_prefix_for(path);
  data d = r.common(root);
  list week, month;
  for (const auto& day : model.schedule) {
    data entry;
    entry.set("date_text", day_text(day.day));
    entry.set("anchor", "d" + format_day_iso(day.day));
    entry.set("theme", text_or_false(day.theme));
    list activities;
    for (const std::size_t i : day.activities) activities.push_back(activity_entry(model.activities[i], r.text()));
    entry.set("activities", activities);
    entry.set("has_activities", !day.activities.empty());
    (day.in_week ? week : month).push_back(entry);
  }
  d.set("week_days", week);
  d.set("month_days", month);
  d.set("has_month_days", !month.empty());
  d.set("count", std::to_string(model.activities.size()));
  return r.wrap({path, "schedule", r.text().get("活动安排.标题"),
                 r.text().fill("活动安排.简介", {{"专栏", model.site.title}}), "", false, false},
                r.render("schedule", d));
}

std::string render_activity(PageRenderer& r, std::size_t index) {
  const SiteModel& model = r.model();
  const Activity& a = model.activities[index];
  const std::string root = root_prefix_for(a.url);
  data d = r.common(root);
  d.set("activity", activity_entry(a, r.text()));
  d.set("audience", text_or_false(a.audience));
  d.set("guests", text_or_false(join(a.guests, "、")));
  list agenda;
  for (const AgendaItem& step : a.agenda) {
    data entry;
    entry.set("time", step.minutes ? data(format_clock(*step.minutes)) : data(false));
    entry.set("item", step.item);
    agenda.push_back(entry);
  }
  d.set("agenda", agenda);
  d.set("has_agenda", !a.agenda.empty());
  d.set("label_guests", r.text().get("活动.参加领导"));
  d.set("label_agenda", r.text().get("活动.活动流程"));
  d.set("summary", text_or_false(r.markdown(a.summary_markdown, a.url)));
  list images;
  for (std::size_t i = 0; i < a.images.size(); ++i) {
    const ImageRef& image = a.images[i];
    data entry;
    entry.set("img", image_tag(image, root, i > 0, kGridImageSizes));
    entry.set("caption", image.caption.empty() ? image.alt : image.caption);
    images.push_back(entry);
  }
  d.set("images", images);
  d.set("has_images", !a.images.empty());
  const ActivityStats& s = a.stats;
  list figures;
  const SiteText& text = r.text();
  add_figure(figures, text, "活动.数据.参与教师", s.teachers, "单位.人");
  add_figure(figures, text, "活动.数据.参与学生", s.students, "单位.人");
  add_figure(figures, text, "活动.数据.中小学生", s.schoolchildren, "单位.人");
  add_figure(figures, text, "活动.数据.家长", s.parents, "单位.人");
  const bool community_people = s.community_people.value_or(0) > 0;
  if (community_people || !s.community.empty()) {
    data community;
    community.set("label", text.get("活动.数据.参与社区人数"));
    community.set("value", community_people ? std::to_string(*s.community_people) + " " + text.get("单位.人") : s.community);
    if (community_people && !s.community.empty()) community.set("note", s.community);
    figures.push_back(community);
  }
  add_figure(figures, text, "活动.数据.观摩体验人数", s.visitors, "单位.人");
  add_figure(figures, text, "活动.数据.参与企业", s.enterprises, "单位.家");
  add_figure(figures, text, "活动.数据.企业参与人数", s.enterprise_people, "单位.人");
  add_figure(figures, text, "活动.数据.观摩体验项目", s.hands_on_projects, "单位.个");
  add_figure(figures, text, "活动.数据.开放实训室", s.labs_opened, "单位.个");
  add_figure(figures, text, "活动.数据.宣讲", s.talks, "单位.场");
  add_figure(figures, text, "活动.数据.技能展示", s.skill_shows, "单位.场");
  add_figure(figures, text, "活动.数据.便民服务", s.service_people, "单位.人次");
  add_figure(figures, text, "活动.数据.宣传资料", s.materials, "单位.份");
  d.set("has_figures", !figures.empty());
  d.set("figures", figures);
  d.set("news", r.cards_of(model.activity_news[index], 0, model.activity_news[index].size()));
  d.set("has_news", !model.activity_news[index].empty());
  d.set("day_anchor", "d" + format_day_iso(a.first_day));
  return r.wrap({a.url, "schedule", a.title, a.summary_text.empty() ? activity_time_text(a, r.text()) + " " + a.location : a.summary_text,
                 a.images.empty() ? std::string() : a.images.front().published_path, true, false},
                r.render("activity", d));
}

}  // namespace zhuanlan
