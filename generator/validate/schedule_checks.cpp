#include "validate/schedule_checks.h"

#include <algorithm>

#include "model/report_forms.h"
#include "util/text.h"

namespace zhuanlan {

namespace {

// The figures of an activity the forms still lack: left blank there.
void check_missing_figures(const Activity& a, Diagnostics& diagnostics) {
  std::vector<std::string> missing;
  for (const auto& figure : stat_figures()) {
    if (!(a.stats.*figure.member)) missing.push_back(std::string(figure.key) + "（" + figure.meaning + "）");
  }
  const std::string ended = "活动“" + a.title + "”已于 " + format_day_iso(a.last_day) + " 结束";
  if (!a.stats.reported()) {
    diagnostics.warning(a.source, a.line,
                        ended + "，但还没有填写参与情况 \"stats\"，报送表格中它的数字将全部留空。请在 \"stats\" 中填写：" +
                            join(missing) + "；没有的项请填 0");
  } else if (!missing.empty()) {
    diagnostics.warning(a.source, a.line,
                        ended + "，参与情况 \"stats\" 还缺少 " + std::to_string(missing.size()) + " 项：" + join(missing) +
                            "。报送表格中这些数字将留空；确实没有的请填 0");
  }
  if (a.contact.name.empty() || a.contact.mobile.empty()) {
    diagnostics.warning(a.source, a.line,
                        "活动“" + a.title + "”没有填写活动负责人的" +
                            (a.contact.name.empty() ? std::string(a.contact.mobile.empty() ? "姓名和手机号码" : "姓名")
                                                    : std::string("手机号码")) +
                            "，活动安排表中将留空。请写上 \"contact\": { \"name\": \"姓名\", \"mobile\": \"手机号码\", "
                            "\"position\": \"部门和职务\" }（只用于报送材料，不会发布到网站上）");
  }
}

// The coverage rate needs distinct students; the activities' figures
// count attendances.
void check_coverage_inputs(const SiteModel& model, Diagnostics& diagnostics) {
  const SiteConfig& site = model.site;
  if (!site.students_total) {
    diagnostics.warning("content/site.json", 0,
                        "没有填写在校学生总数 \"students_total\"，情况统计表中的“参与活动的学生覆盖率”将留空");
  }
  if (site.report.students_participating) return;
  std::vector<std::optional<long long>> students;
  for (const auto& a : model.activities) students.push_back(a.stats.students);
  const StatCell attendances = sum_reported(students);
  diagnostics.warning("content/site.json", 0,
                      "没有填写 \"report\" 中的 \"students_participating\"（参加活动的不同学生人数，每名学生只计一次），"
                      "情况统计表中的“参与活动的学生覆盖率”将留空。各活动填写的学生数是人次" +
                          (std::holds_alternative<long long>(attendances) ? "（合计 " + cell_text(attendances) + " 人次）"
                                                                          : std::string()) +
                          "，同一学生参加多项活动会重复计算，不能用来计算覆盖率。请按签到或选课记录统计不同学生的人数后填写，"
                          "例如 \"students_participating\": 6800");
}

}  // namespace

void check_schedule(const SiteModel& model, Day today, Diagnostics& diagnostics) {
  const SiteConfig& site = model.site;
  if (!model.activities.empty()) {
    for (const auto& day : model.schedule) {
      if (day.in_week && day.activities.empty()) {
        diagnostics.warning("content/activities/", 0,
                            "活动周的 " + format_month_day_chinese(day.day) + " " + weekday_chinese(day.day) +
                                " 没有安排任何活动（通知要求“天天有活动”），请补充当天的活动");
      }
    }
  }
  const DayRange span = site.month.value_or(site.week);
  const std::string span_name = site.month ? "活动月" : "活动周";
  for (const auto& a : model.activities) {
    if (a.first_day < span.start || a.last_day > span.end) {
      diagnostics.warning(a.source, a.line,
                          "活动“" + a.title + "”的日期（" + format_day_iso(a.first_day) + "）不在" + span_name + " " +
                              format_day_iso(span.start) + " 至 " + format_day_iso(span.end) + " 之内，请确认日期");
    }
    if (a.last_day < today) check_missing_figures(a, diagnostics);
  }
  for (const auto& item : model.news) {
    if (!item.activity.empty()) continue;
    std::vector<std::string> candidates;
    for (const auto& a : model.activities) {
      const bool involved = a.lead == item.department ||
                            std::find(a.partners.begin(), a.partners.end(), item.department) != a.partners.end();
      if (involved && a.first_day <= item.day && item.day <= a.last_day) candidates.push_back(a.title + "（" + a.id + "）");
    }
    if (candidates.empty()) continue;
    diagnostics.warning(item.source, 0,
                        "这条新闻没有写 activity，而当天" + item.department + "有活动：" + join(candidates) +
                            "。如果报道的是其中之一，请在 front matter 中加上 activity: 活动 id");
  }
  if (!model.activities.empty()) check_coverage_inputs(model, diagnostics);
  check_report_limits(site, Severity::warning, diagnostics);
}

void check_report_limits(const SiteConfig& site, Severity severity, Diagnostics& diagnostics) {
  const auto check = [&](const std::string& text, int line, const std::string& name) {
    const std::size_t length = count_code_points(text);
    if (length <= kReportTextLimit) return;
    diagnostics.items.push_back({severity, "content/site.json", line,
                                 "信息采集表的“" + name + "”有 " + std::to_string(length) + " 个字，超过了 " +
                                     std::to_string(kReportTextLimit) + " 字的限制，请删减 " +
                                     std::to_string(length - kReportTextLimit) + " 个字"});
  };
  check(site.report.plan, site.report.plan_line, "活动周工作计划");
  check(site.report.featured, site.report.featured_line, "特色活动简介");
}

}  // namespace zhuanlan
