#include "model/report_forms.h"

#include <algorithm>
#include <stdexcept>

#include "model/activity_time.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

const std::vector<std::string> kSchoolHeader = {"填报单位（盖章）：", "填报人：", "联系电话："};

std::vector<StatColumn> plain_columns(const std::vector<std::string>& titles) {
  std::vector<StatColumn> columns;
  for (const auto& title : titles) columns.push_back({title, ""});
  return columns;
}

std::string year_of(const SiteModel& model) {
  return std::to_string(static_cast<int>(std::chrono::year_month_day{model.site.week.start}.year()));
}

// A table with the form's title, columns and 填表说明; the header lines are
// filled with values, in the form's order.
StatTable start_form(const SiteModel& model, const std::string& id, const std::string& file_stem,
                     const std::string& sheet_name, const std::vector<std::string>& header_values) {
  const FormSpec& spec = official_form(id);
  StatTable t;
  t.id = id;
  t.file_stem = file_stem;
  t.sheet_name = sheet_name;
  t.title = spec.title;
  t.title.replace(t.title.find("{year}"), 6, year_of(model));
  t.columns = spec.columns;
  for (std::size_t i = 0; i < spec.header_lines.size(); ++i) {
    t.header_lines.push_back({spec.header_lines[i], i < header_values.size() ? header_values[i] : ""});
  }
  t.instructions = spec.note;
  return t;
}

std::vector<std::string> school_header_values(const SiteConfig& site) {
  return {reporting_unit(site), site.report.contact, site.report.mobile};
}

StatCell text_cell(const std::string& text) { return StatCell{text}; }

// "某某社区 35人", "35人", "某某社区", "0" when none were entered as 0, or blank.
StatCell name_and_people(const std::string& name, const std::optional<long long>& people) {
  if (name.empty() && people == 0) return 0LL;
  std::string text = name;
  if (people) text += (text.empty() ? "" : " ") + std::to_string(*people) + "人";
  return text.empty() ? StatCell{NotReported{}} : text_cell(text);
}

// "3家 15人", "3家", "15人", "0" when none were entered as 0, or blank.
StatCell enterprises_and_people(const std::optional<long long>& enterprises, const std::optional<long long>& people) {
  if (enterprises.value_or(0) == 0 && people.value_or(0) == 0 && (enterprises || people)) return 0LL;
  std::string text = enterprises ? std::to_string(*enterprises) + "家" : "";
  if (people) text += (text.empty() ? "" : " ") + std::to_string(*people) + "人";
  return text.empty() ? StatCell{NotReported{}} : text_cell(text);
}

std::optional<long long> sum_of(const std::vector<std::optional<long long>>& values) {
  const StatCell sum = sum_reported(values);
  if (const auto* n = std::get_if<long long>(&sum)) return *n;
  return std::nullopt;
}

// The sum of one stats figure over some activities.
StatCell figure_sum(const SiteModel& model, const std::vector<std::size_t>& activities,
                    std::optional<long long> ActivityStats::*member) {
  std::vector<std::optional<long long>> values;
  for (const std::size_t i : activities) values.push_back(model.activities[i].stats.*member);
  return sum_reported(values);
}

std::vector<std::size_t> all_activities(const SiteModel& model) {
  std::vector<std::size_t> all(model.activities.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

long long media_count(const SiteModel& model, const std::string MediaReport::*field, const std::string& value,
                      std::optional<Day> day) {
  long long count = 0;
  for (const auto& report : model.media) {
    if (report.*field == value && (!day || report.date == *day)) count += report.count;
  }
  return count;
}

std::string departments_text(const Activity& a) {
  if (a.partners.empty()) return a.lead;
  return "牵头：" + a.lead + "；配合：" + join(a.partners);
}

std::string clock_text(const Activity& a) {
  if (!a.start.has_time) return "全天";
  std::string text = format_time_china(a.start.utc);
  if (a.end && a.end->has_time) text += "—" + format_time_china(a.end->utc);
  return text;
}

std::string dates_text(const Activity& a) {
  const std::string first = format_month_day_chinese(a.first_day);
  return a.first_day == a.last_day ? first : first + "—" + format_month_day_chinese(a.last_day);
}

// A file or sheet name from a department's name: characters that file
// systems or spreadsheets refuse become "_".
std::string safe_name(const std::string& name, std::size_t max_code_points) {
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if ((c & 0xC0) != 0x80 && ++points > max_code_points) break;
    out += (c < 0x20 || std::string_view("/\\:*?\"<>|[]").find(static_cast<char>(c)) != std::string_view::npos)
               ? '_'
               : static_cast<char>(c);
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

}  // namespace

const std::vector<FormSpec>& official_forms() {
  static const std::vector<FormSpec> forms = {
      {"info-collection-province",
       "{year}年职业教育活动周信息采集表",
       kSchoolHeader,
       plain_columns({"市（州）/职业（含技工）学校", "联系人", "职务", "手机", "QQ号", "专题网站（专栏）链接地址"}),
       {{"活动周工作计划（300字以内）", "主要包含计划的举办时间、活动形式和内容等。"},
        {"特色活动简介（300字以内）", "主要包含特色活动名称、活动内容与形式、开展时间和预期成效等。"}},
       "填表说明：请……将经领导审签后的 PDF 盖章扫描件和 EXCEL 版本表格按要求报送……"},
      {"stats-province",
       "{year}年职业教育活动周情况统计表",
       kSchoolHeader,
       {{"市（州）/职业学校（含技工院校）", ""},
        {"参与活动的职业学校（含技工院校）数", ""},
        {"参与活动的教师数", ""},
        {"参与活动的学生数", ""},
        {"参与活动的学生覆盖率", ""},
        {"参与活动的企业数", ""},
        {"参与总人数", ""},
        {"观摩体验活动项目数", ""},
        {"省级及以上媒体报道数", "活动周媒体报道数"},
        {"市（州）级媒体报道数", "活动周媒体报道数"},
        {"县（区）级媒体报道数", "活动周媒体报道数"}},
       {},
       // The seed prints this line under the table too (official-forms.json
       // leaves it out); shortened as the transcription shortens 附件4's.
       "填表说明：请……在活动周结束后一周内，将经领导审签后的 PDF 盖章扫描件和 EXCEL 版本表格按要求报送……"},
      {"info-collection-school",
       "{year}年职业教育活动周信息采集表",
       {},
       plain_columns({"序号", "时间", "活动内容", "牵头及负责部门", "时间"}),
       {},
       ""},
      {"stats-department",
       "{year}年职业教育活动周情况统计表",
       {"填报单位（部门）："},
       plain_columns({"序号", "活动内容", "参与活动教师", "参与活动学生", "参与活动社区（乡村）及人数", "观摩体验活动人数",
                      "参与活动企业及人数"}),
       {},
       ""},
      {"arrangement",
       "{year}年职业教育活动周活动安排表",
       {"填报单位：", "填报人：", "联系电话："},
       plain_columns({"序号", "单位名称", "活动名称", "活动形式", "活动参与人员", "参与人数", "活动负责人",
                      "活动负责人手机号码", "活动负责人部门和职务", "活动地点（址）", "活动（开放）时间", "备注"}),
       {},
       ""},
      {"daily-summary",
       "{year}年职业教育活动周开展情况汇总表",
       {"填报单位：", "填报人：", "部门和职务：", "联系电话："},
       plain_columns({"日期", "参与活动的职业院校(所次)", "参与活动的职业院校学生(人次)", "参与活动的教师数(人次)",
                      "参与活动的中小学生人数(人次)", "参与活动的家长、社区居民(人次)", "参与的企业(家次)",
                      "开放职业院校(所次)", "开放的实验实训室(个次)", "开展的职业体验项目(个次)",
                      "职业教育宣讲活动(场次)", "职业技能展示(场次)", "开展便民服务(人次)", "发放宣传资料(份)",
                      "电视、电台及报纸等传统媒体报道(篇次)", "网络新闻等宣传、转发(次)", "微信、微博等宣传、转发(次)"}),
       {},
       ""},
  };
  return forms;
}

const FormSpec& official_form(std::string_view id) {
  for (const auto& form : official_forms()) {
    if (form.id == id) return form;
  }
  throw std::out_of_range("no official form " + std::string(id));
}

const std::vector<StatFigure>& stat_figures() {
  static const std::vector<StatFigure> figures = {
      {"teachers", "参与教师人数", &ActivityStats::teachers},
      {"students", "参与学生人数", &ActivityStats::students},
      {"schoolchildren", "参与的中小学生人次", &ActivityStats::schoolchildren},
      {"parents", "参与的家长人次", &ActivityStats::parents},
      {"community_people", "社区（乡村）参与人数", &ActivityStats::community_people},
      {"visitors", "观摩体验人数", &ActivityStats::visitors},
      {"enterprises", "参与企业数", &ActivityStats::enterprises},
      {"enterprise_people", "企业参与人数", &ActivityStats::enterprise_people},
      {"hands_on_projects", "观摩体验（职业体验）项目数", &ActivityStats::hands_on_projects},
      {"labs_opened", "开放的实验实训室个数", &ActivityStats::labs_opened},
      {"talks", "职业教育宣讲场次", &ActivityStats::talks},
      {"skill_shows", "职业技能展示场次", &ActivityStats::skill_shows},
      {"service_people", "便民服务人次", &ActivityStats::service_people},
      {"materials", "发放宣传资料份数", &ActivityStats::materials},
  };
  return figures;
}

std::optional<long long> people_of(const ActivityStats& s) {
  // Visitors are everyone who came to watch or try, schoolchildren and
  // parents among them; a site that gave only those two still counts them.
  std::optional<long long> outside;
  if (s.visitors || s.schoolchildren || s.parents) {
    outside = std::max(s.visitors.value_or(0), s.schoolchildren.value_or(0) + s.parents.value_or(0));
  }
  return sum_of({s.teachers, s.students, s.community_people, s.enterprise_people, outside});
}

std::optional<Percent> coverage_rate(const SiteConfig& site) {
  if (!site.report.students_participating || !site.students_total) return std::nullopt;
  return Percent{static_cast<double>(*site.report.students_participating) / static_cast<double>(*site.students_total)};
}

std::string reporting_unit(const SiteConfig& site) { return site.report.unit.empty() ? site.school : site.report.unit; }

StatTable info_collection_province_form(const SiteModel& model) {
  const SiteConfig& site = model.site;
  const ReportInfo& r = site.report;
  StatTable t = start_form(model, "info-collection-province", "01-信息采集表", "信息采集表", school_header_values(site));
  t.rows.push_back({site.school, r.contact, r.position, r.mobile, r.qq, site.base_url});
  const auto& below = official_form(t.id).rows_below;
  const std::string* texts[] = {&r.plan, &r.featured};
  for (std::size_t i = 0; i < below.size(); ++i) {
    t.wide_rows.push_back({below[i].label, texts[i]->empty() ? below[i].hint : *texts[i]});
  }
  return t;
}

StatTable stats_province_form(const SiteModel& model) {
  const SiteConfig& site = model.site;
  StatTable t = start_form(model, "stats-province", "02-情况统计表", "情况统计表", school_header_values(site));
  const auto all = all_activities(model);
  std::vector<std::optional<long long>> people;
  for (const auto& a : model.activities) people.push_back(people_of(a.stats));
  const auto rate = coverage_rate(site);
  std::vector<StatCell> row = {site.school,
                               1LL,  // the school itself
                               figure_sum(model, all, &ActivityStats::teachers),
                               figure_sum(model, all, &ActivityStats::students),
                               rate ? StatCell{*rate} : StatCell{NotReported{}},
                               figure_sum(model, all, &ActivityStats::enterprises),
                               sum_reported(people),
                               figure_sum(model, all, &ActivityStats::hands_on_projects)};
  for (const auto& level : media_levels()) row.push_back(media_count(model, &MediaReport::level, level, std::nullopt));
  t.rows.push_back(std::move(row));
  return t;
}

StatTable info_collection_school_form(const SiteModel& model) {
  StatTable t = start_form(model, "info-collection-school", "03-信息采集表（各项活动）", "信息采集表", {});
  long long number = 0;
  for (const auto& a : model.activities) {
    t.rows.push_back({++number, dates_text(a), a.title, departments_text(a), clock_text(a)});
  }
  return t;
}

std::vector<std::string> lead_departments(const SiteModel& model) {
  std::vector<std::string> leads;
  for (const auto& name : model.site.departments) {
    const bool leads_one = std::any_of(model.activities.begin(), model.activities.end(),
                                       [&](const Activity& a) { return a.lead == name; });
    if (leads_one) leads.push_back(name);
  }
  for (const auto& a : model.activities) {
    if (std::find(leads.begin(), leads.end(), a.lead) == leads.end()) leads.push_back(a.lead);
  }
  return leads;
}

StatTable stats_department_form(const SiteModel& model, const std::string& department) {
  StatTable t = start_form(model, "stats-department", "04-情况统计表（各部门）/" + safe_name(department, 60),
                           safe_name(department, 31), {department});
  if (department.empty()) t.header_lines.clear();
  StatCell teachers = NotReported{}, students = NotReported{}, visitors = NotReported{};
  std::vector<std::optional<long long>> community, enterprises, enterprise_people;
  long long number = 0;
  for (const auto& a : model.activities) {
    if (!department.empty() && a.lead != department) continue;
    const ActivityStats& s = a.stats;
    std::vector<StatCell> row = {++number,
                                 a.title,
                                 count_or_blank(s.teachers),
                                 count_or_blank(s.students),
                                 name_and_people(s.community, s.community_people),
                                 count_or_blank(s.visitors),
                                 enterprises_and_people(s.enterprises, s.enterprise_people)};
    add_to(teachers, row[2]);
    add_to(students, row[3]);
    add_to(visitors, row[5]);
    community.push_back(s.community_people);
    enterprises.push_back(s.enterprises);
    enterprise_people.push_back(s.enterprise_people);
    t.rows.push_back(std::move(row));
  }
  t.rows.push_back({std::string("合计"), std::to_string(number) + " 项活动", teachers, students,
                    name_and_people("", sum_of(community)), visitors,
                    enterprises_and_people(sum_of(enterprises), sum_of(enterprise_people))});
  t.last_row_is_total = true;
  return t;
}

StatTable arrangement_form(const SiteModel& model) {
  StatTable t = start_form(model, "arrangement", "05-活动安排表", "活动安排表", school_header_values(model.site));
  long long number = 0;
  for (const auto& a : model.activities) {
    const std::optional<long long> people = people_of(a.stats);
    t.rows.push_back({++number, model.site.school, a.title, a.form, a.participants.empty() ? a.audience : a.participants,
                      count_or_blank(people), a.contact.name, a.contact.mobile, a.contact.position, a.location,
                      activity_time_text(a, "全天"), a.note});
  }
  return t;
}

StatTable daily_summary_form(const SiteModel& model) {
  const ReportInfo& r = model.site.report;
  StatTable t = start_form(model, "daily-summary", "06-开展情况汇总表", "开展情况汇总表",
                           {reporting_unit(model.site), r.contact, r.position, r.mobile});
  std::vector<StatCell> total(t.columns.size(), NotReported{});
  total[0] = std::string("合计");
  for (const auto& day : model.schedule) {
    if (!day.in_week) continue;
    // Figures are counted on an activity's first day; schools taking part
    // and open are counted on every day an activity runs.
    std::vector<std::size_t> starting;
    bool open = false;
    for (const std::size_t i : day.activities) {
      if (model.activities[i].first_day == day.day) starting.push_back(i);
      open = open || model.activities[i].open_to_public.value_or(false);
    }
    const auto figure = [&](std::optional<long long> ActivityStats::*member) {
      return figure_sum(model, starting, member);
    };
    StatCell families = figure(&ActivityStats::parents);
    add_to(families, figure(&ActivityStats::community_people));
    std::vector<StatCell> row = {format_month_day_chinese(day.day),
                                 static_cast<long long>(!day.activities.empty()),
                                 figure(&ActivityStats::students),
                                 figure(&ActivityStats::teachers),
                                 figure(&ActivityStats::schoolchildren),
                                 families,
                                 figure(&ActivityStats::enterprises),
                                 static_cast<long long>(open),
                                 figure(&ActivityStats::labs_opened),
                                 figure(&ActivityStats::hands_on_projects),
                                 figure(&ActivityStats::talks),
                                 figure(&ActivityStats::skill_shows),
                                 figure(&ActivityStats::service_people),
                                 figure(&ActivityStats::materials)};
    for (const auto& type : media_types()) row.push_back(media_count(model, &MediaReport::type, type, day.day));
    for (std::size_t c = 1; c < row.size(); ++c) add_to(total[c], row[c]);
    t.rows.push_back(std::move(row));
  }
  t.rows.push_back(std::move(total));
  t.last_row_is_total = true;
  return t;
}

std::vector<StatTable> report_forms(const SiteModel& model) {
  std::vector<StatTable> forms = {info_collection_province_form(model), stats_province_form(model),
                                  info_collection_school_form(model)};
  for (const auto& department : lead_departments(model)) forms.push_back(stats_department_form(model, department));
  forms.push_back(arrangement_form(model));
  forms.push_back(daily_summary_form(model));
  return forms;
}

}  // namespace zhuanlan
