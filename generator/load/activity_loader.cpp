#include "load/activity_loader.h"

#include <algorithm>
#include <string_view>

#include "load/image_refs.h"
#include "load/json_document.h"
#include "load/markdown.h"
#include "util/files.h"
#include "util/text.h"
#include "util/nearest_name.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

// Checks a value against a fixed list, suggesting the nearest entry.
bool check_choice(const std::string& value, const std::vector<std::string>& choices, const std::string& key,
                  const std::string& file, int line, Diagnostics& diagnostics) {
  if (std::find(choices.begin(), choices.end(), value) != choices.end()) return true;
  const std::string near = nearest_name(value, choices);
  diagnostics.error(file, line,
                    "\"" + key + "\" 只能是 " + join(choices) + " 之一，现在是“" + value + "”" +
                        (near.empty() ? "" : "，是不是“" + near + "”？"));
  return false;
}

std::optional<long long> figure(JsonFields& stats, const std::string& key, const std::string& meaning,
                                Diagnostics& diagnostics) {
  auto value = stats.integer(key, meaning);
  if (value && *value < 0) {
    diagnostics.error(stats.file(), stats.line_of(key), "\"" + key + "\"（" + meaning + "）不能是负数");
    return std::nullopt;
  }
  if (value && *value > kMaxReportedCount) {
    diagnostics.error(stats.file(), stats.line_of(key),
                      "\"" + key + "\"（" + meaning + "）是 " + std::to_string(*value) + "，超过了上限 " +
                          std::to_string(kMaxReportedCount) + "（1 亿），请检查是否多写了几位");
    return std::nullopt;
  }
  return value;
}

// The figures the 开展情况汇总表 (seed 004) adds to the stats.
void read_summary_figures(JsonFields& stats, ActivityStats& s, Diagnostics& diagnostics) {
  s.schoolchildren = figure(stats, "schoolchildren", "参与的中小学生人次", diagnostics);
  s.parents = figure(stats, "parents", "参与的家长人次", diagnostics);
  s.labs_opened = figure(stats, "labs_opened", "开放的实验实训室个数", diagnostics);
  s.talks = figure(stats, "talks", "职业教育宣讲场次", diagnostics);
  s.skill_shows = figure(stats, "skill_shows", "职业技能展示场次", diagnostics);
  s.service_people = figure(stats, "service_people", "便民服务人次", diagnostics);
  s.materials = figure(stats, "materials", "发放宣传资料份数", diagnostics);
}

// A telephone number as people write it: digits, with spaces, hyphens,
// brackets or a leading + between them.
bool looks_like_phone(const std::string& text) {
  int digits = 0;
  for (const char c : text) {
    if (c >= '0' && c <= '9') ++digits;
    else if (std::string_view(" -+()").find(c) == std::string_view::npos) return false;
  }
  return digits >= 7;
}

// What the report forms need beyond the site's pages: the 活动负责人
// (never published), the participants in words and a 备注.
void read_report_fields(JsonFields& fields, Activity& a, Diagnostics& diagnostics) {
  a.participants = collapse_whitespace(fields.text("participants", false, "活动参与人员").value_or(""));
  a.note = collapse_whitespace(fields.text("note", false, "备注").value_or(""));
  auto contact = fields.object("contact", "活动负责人，例如 { \"name\": \"某老师\", \"mobile\": \"139-0000-0001\", \"position\": \"教务处副处长\" }");
  if (!contact) return;
  a.contact.name = collapse_whitespace(contact->text("name", false, "活动负责人姓名").value_or(""));
  a.contact.mobile = collapse_whitespace(contact->text("mobile", false, "活动负责人手机号码").value_or(""));
  a.contact.position = collapse_whitespace(contact->text("position", false, "活动负责人部门和职务").value_or(""));
  if (!a.contact.mobile.empty() && !looks_like_phone(a.contact.mobile)) {
    diagnostics.warning(fields.file(), contact->line_of("mobile"),
                        "活动负责人的手机号码“" + a.contact.mobile +
                            "”看起来不是电话号码，请只写数字（可用 - 分隔），例如 \"139-0000-0001\"");
  }
  contact->warn_unknown_keys();
}

// The leaders and guests of a ceremony (参加领导): names, each given once.
void read_guests(JsonFields& fields, const JsonDocument& doc, const std::string& pointer, Activity& a,
                 Diagnostics& diagnostics) {
  // text_list reports values that are not text; the list is then read again for the lines.
  fields.text_list("guests", "参加领导，例如 [\"韦光霁\", \"宋怀瑾\"]");
  const auto& parent = doc.value.at(nlohmann::json::json_pointer(pointer));
  if (!parent.is_object() || !parent.contains("guests") || !parent.at("guests").is_array()) return;
  const auto& list = parent.at("guests");
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string()) continue;
    const int line = doc.line_of(pointer + "/guests/" + std::to_string(i));
    const std::string name = collapse_whitespace(list[i].get<std::string>());
    if (name.empty()) {
      diagnostics.error(fields.file(), line,
                        "\"guests\"（参加领导）的第 " + std::to_string(i + 1) + " 项是空的，请写上姓名或删去这一项");
    } else if (std::find(a.guests.begin(), a.guests.end(), name) != a.guests.end()) {
      diagnostics.warning(fields.file(), line, "\"guests\"（参加领导）中“" + name + "”写了两次，页面上只显示一次");
    } else {
      a.guests.push_back(name);
    }
  }
}

// The programme of a ceremony (活动流程): [{"time": "15:30", "item": "…"}],
// shown in the order written; the time is optional.
void read_agenda(JsonFields& fields, const JsonDocument& doc, const std::string& pointer, Activity& a,
                 Diagnostics& diagnostics) {
  fields.asked("agenda");
  const auto& parent = doc.value.at(nlohmann::json::json_pointer(pointer));
  if (!parent.is_object() || !parent.contains("agenda") || parent.at("agenda").is_null()) return;
  const auto& list = parent.at("agenda");
  const std::string& file = fields.file();
  const std::string example = "[ { \"time\": \"15:30\", \"item\": \"领导致辞\" }, { \"item\": \"合影留念\" } ]";
  if (!list.is_array()) {
    diagnostics.error(file, fields.line_of("agenda"), "\"agenda\"（活动流程）应当是 [ ] 括起来的列表，例如 " + example);
    return;
  }
  std::optional<int> previous_minutes;  // of the last step with a time
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string item_pointer = pointer + "/agenda/" + std::to_string(i);
    const std::string step = "活动流程的第 " + std::to_string(i + 1) + " 项";
    JsonFields entry(doc, item_pointer, file, diagnostics);
    if (!entry.is_object()) {
      diagnostics.error(file, doc.line_of(item_pointer),
                        step + "应当写成 { \"time\": \"15:30\", \"item\": \"流程内容\" }（time 可以不写）");
      continue;
    }
    AgendaItem agenda_item;
    agenda_item.line = doc.line_of(item_pointer);
    const auto item = entry.text("item", true, "流程内容，例如 \"领导致辞\"");
    if (item) {
      agenda_item.item = collapse_whitespace(*item);
      if (agenda_item.item.empty()) {
        diagnostics.error(file, entry.line_of("item"), step + "的 \"item\" 是空的，请写上这一步做什么，例如 \"领导致辞\"");
      }
    }
    if (auto time = entry.text("time", false, "时间，例如 \"15:30\"")) {
      std::string error;
      if (const auto minutes = parse_clock(collapse_whitespace(*time), &error)) {
        agenda_item.minutes = *minutes;
      } else if (!collapse_whitespace(*time).empty()) {
        diagnostics.error(file, entry.line_of("time"), step + "的" + error + "；没有确定时间的一项可以不写 \"time\"");
      }
    }
    entry.warn_unknown_keys();
    if (!item || agenda_item.item.empty()) continue;
    if (agenda_item.minutes && previous_minutes && *agenda_item.minutes < *previous_minutes) {
      diagnostics.warning(file, entry.line_of("time"),
                          step + "的时间 " + format_clock(*agenda_item.minutes) + " 早于前面一项的 " +
                              format_clock(*previous_minutes) + "：流程按写的先后顺序显示，请检查顺序或时间");
    }
    if (agenda_item.minutes) previous_minutes = agenda_item.minutes;
    a.agenda.push_back(std::move(agenda_item));
  }
}

std::vector<ImageRef> read_images(const JsonDocument& doc, const std::string& pointer, const std::string& file,
                                  const LoadContext& context, Diagnostics& diagnostics) {
  std::vector<ImageRef> images;
  const nlohmann::json* list = nullptr;
  const auto& parent = doc.value.at(nlohmann::json::json_pointer(pointer));
  if (parent.contains("images")) list = &parent.at("images");
  if (list == nullptr || list->is_null()) return images;
  if (!list->is_array()) {
    diagnostics.error(file, doc.line_of(pointer + "/images"),
                      "\"images\" 应当是列表，例如 [ { \"src\": \"images/a.jpg\", \"caption\": \"说明\" } ]");
    return images;
  }
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string item_pointer = pointer + "/images/" + std::to_string(i);
    JsonFields fields(doc, item_pointer, file, diagnostics);
    if (!fields.is_object()) {
      diagnostics.error(file, doc.line_of(item_pointer), "每张图片应当写成 { \"src\": \"路径\", \"caption\": \"说明\" }");
      continue;
    }
    const auto src = fields.text("src", true, "图片路径");
    const std::string caption = collapse_whitespace(fields.text("caption", false, "图片说明").value_or(""));
    const std::string alt = collapse_whitespace(fields.text("alt", false, "替代文字").value_or(""));
    fields.warn_unknown_keys();
    if (!src) continue;
    if (caption.empty() && alt.empty()) {
      diagnostics.error(file, doc.line_of(item_pointer), "图片 " + *src + " 缺少说明，请写上 \"caption\": \"图片说明\"");
    }
    std::string error;
    auto image = resolve_image(context, "activities", *src, &error);
    if (!image) {
      diagnostics.error(file, fields.line_of("src"), "图片" + error);
      continue;
    }
    image->caption = caption;
    image->alt = alt;
    images.push_back(std::move(*image));
  }
  return images;
}

std::optional<Activity> read_activity(const JsonDocument& doc, const std::string& pointer, const std::string& file,
                                      const LoadContext& context, Diagnostics& diagnostics) {
  JsonFields fields(doc, pointer, file, diagnostics);
  if (!fields.is_object()) {
    diagnostics.error(file, doc.line_of(pointer), "每个活动应当是 { } 括起来的对象");
    return std::nullopt;
  }
  const int errors_before = diagnostics.error_count();
  Activity a;
  a.source = file;
  a.line = doc.line_of(pointer);
  a.id = fields.text("id", true, "活动编号，小写英文字母、数字和 -").value_or("");
  if (!a.id.empty() && !is_valid_slug(a.id)) {
    diagnostics.error(file, fields.line_of("id"),
                      "活动 id “" + a.id + "”只能由小写英文字母、数字和 - 组成，例如 \"auto-repair-contest\"");
  }
  a.url = "schedule/" + a.id + ".html";
  a.title = collapse_whitespace(fields.text("title", true, "活动名称").value_or(""));
  a.lead = fields.text("lead", true, "牵头部门").value_or("");
  a.partners = fields.text_list("partners", "协办部门");
  a.location = fields.text("location", false, "地点").value_or("");
  a.category = fields.text("category", false, "活动类别").value_or("");
  a.audience = fields.text("audience", false, "参加对象").value_or("");
  a.open_to_public = fields.boolean("open_to_public");
  if (auto form = fields.text("form", false, "活动形式")) {
    if (check_choice(*form, activity_forms(), "form", file, fields.line_of("form"), diagnostics)) a.form = *form;
  }
  std::string error;
  if (auto start = fields.text("start", true, "开始时间，例如 2025-05-13T09:00")) {
    if (auto stamp = parse_timestamp(*start, &error)) a.start = *stamp;
    else diagnostics.error(file, fields.line_of("start"), error);
  }
  if (auto end = fields.text("end", false, "结束时间")) {
    if (auto stamp = parse_timestamp(*end, &error)) a.end = *stamp;
    else diagnostics.error(file, fields.line_of("end"), error);
  }
  a.first_day = china_day(a.start.utc);
  a.last_day = a.first_day;
  if (a.end) {
    if (a.end->utc < a.start.utc) {
      diagnostics.error(file, fields.line_of("end"), "结束时间早于开始时间，请检查 start 和 end");
    } else {
      a.last_day = china_day(a.end->utc);
      // An end given with a time at midnight closes the previous day.
      if (a.end->has_time && a.last_day > a.first_day &&
          a.end->utc == std::chrono::sys_seconds{a.last_day} - std::chrono::hours(8)) {
        a.last_day -= std::chrono::days(1);
      }
    }
  }
  if (auto summary = fields.text("summary", false, "活动简介")) {
    a.summary_markdown = parse_markdown({*summary, file, fields.line_of("summary"), "activities"}, context, diagnostics);
    a.summary_text = collapse_whitespace(a.summary_markdown->plain_text);
    for (const auto& image : a.summary_markdown->images) a.images.push_back(image);
  }
  for (auto& image : read_images(doc, pointer, file, context, diagnostics)) a.images.push_back(std::move(image));
  fields.asked("images");
  if (auto stats = fields.object("stats", "参与情况统计")) {
    a.stats.teachers = figure(*stats, "teachers", "参与教师人数", diagnostics);
    a.stats.students = figure(*stats, "students", "参与学生人数", diagnostics);
    a.stats.community = stats->text("community", false, "参与的社区（乡村）").value_or("");
    a.stats.community_people = figure(*stats, "community_people", "社区（乡村）参与人数", diagnostics);
    a.stats.visitors = figure(*stats, "visitors", "观摩体验人数", diagnostics);
    a.stats.enterprises = figure(*stats, "enterprises", "参与企业数", diagnostics);
    a.stats.enterprise_people = figure(*stats, "enterprise_people", "企业参与人数", diagnostics);
    a.stats.hands_on_projects = figure(*stats, "hands_on_projects", "观摩体验活动项目数", diagnostics);
    read_summary_figures(*stats, a.stats, diagnostics);
    stats->warn_unknown_keys();
  }
  read_report_fields(fields, a, diagnostics);
  read_guests(fields, doc, pointer, a, diagnostics);
  read_agenda(fields, doc, pointer, a, diagnostics);
  fields.warn_unknown_keys();
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return a;
}

}  // namespace

std::vector<Activity> load_activities(const LoadContext& context, Diagnostics& diagnostics) {
  std::vector<Activity> out;
  for (const auto& path : list_files(context.content_dir() / "activities", ".json")) {
    const std::string file = path.lexically_relative(context.site_dir).generic_string();
    const auto text = read_file(path);
    if (!text) {
      diagnostics.error(file, 0, "无法读取这个文件，请检查文件权限");
      continue;
    }
    const auto doc = parse_json_document(*text, file, diagnostics);
    if (!doc) continue;
    if (doc->value.is_array()) {
      for (std::size_t i = 0; i < doc->value.size(); ++i) {
        if (auto a = read_activity(*doc, "/" + std::to_string(i), file, context, diagnostics)) {
          out.push_back(std::move(*a));
        }
      }
    } else if (auto a = read_activity(*doc, "", file, context, diagnostics)) {
      out.push_back(std::move(*a));
    }
  }
  return out;
}

std::vector<MediaReport> load_media(const fs::path& site_dir, Diagnostics& diagnostics) {
  std::vector<MediaReport> out;
  const std::string file = "content/media.json";
  const auto text = read_file(site_dir / file);
  if (!text) return out;
  const auto doc = parse_json_document(*text, file, diagnostics);
  if (!doc) return out;
  if (!doc->value.is_array()) {
    diagnostics.error(file, 1, "media.json 的最外层应当是 [ ] 括起来的列表，每篇报道一项");
    return out;
  }
  for (std::size_t i = 0; i < doc->value.size(); ++i) {
    const std::string pointer = "/" + std::to_string(i);
    JsonFields fields(*doc, pointer, file, diagnostics);
    if (!fields.is_object()) {
      diagnostics.error(file, doc->line_of(pointer), "每篇报道应当是 { } 括起来的对象");
      continue;
    }
    const int errors_before = diagnostics.error_count();
    MediaReport report;
    report.source = file;
    report.line = doc->line_of(pointer);
    report.outlet = fields.text("outlet", true, "媒体名称").value_or("");
    report.title = collapse_whitespace(fields.text("title", true, "报道标题").value_or(""));
    if (auto level = fields.text("level", true, "媒体级别")) {
      if (check_choice(*level, media_levels(), "level", file, fields.line_of("level"), diagnostics)) report.level = *level;
    }
    if (auto date = fields.text("date", true, "报道日期，例如 2025-05-14")) {
      std::string error;
      if (auto day = parse_day(*date, &error)) report.date = *day;
      else diagnostics.error(file, fields.line_of("date"), error);
    }
    if (auto url = fields.text("url", false, "报道网址")) {
      if (url->rfind("https://", 0) != 0 && url->rfind("http://", 0) != 0) {
        diagnostics.error(file, fields.line_of("url"), "报道网址应当以 https:// 或 http:// 开头");
      } else {
        report.url = *url;
      }
    }
    report.news_slug = fields.text("news", false, "对应新闻的网址名").value_or("");
    if (auto type = fields.text("type", false, "媒体类型：传统媒体、网络新闻或微信微博")) {
      if (check_choice(*type, media_types(), "type", file, fields.line_of("type"), diagnostics)) report.type = *type;
    }
    if (auto count = fields.integer("count", "报道或转发的篇次")) {
      if (*count < 1 || *count > kMaxReportedCount) {
        diagnostics.error(file, fields.line_of("count"),
                          "\"count\"（这一项代表的报道或转发篇次）应当是 1 到 " + std::to_string(kMaxReportedCount) +
                              " 之间的整数，现在是 " + std::to_string(*count));
      } else {
        report.count = *count;
      }
    }
    fields.warn_unknown_keys();
    if (diagnostics.error_count() == errors_before) out.push_back(std::move(report));
  }
  return out;
}

}  // namespace zhuanlan
