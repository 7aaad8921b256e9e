#include "validate/schedule_checks.h"

#include <algorithm>

#include "model/statistics.h"
#include "util/text.h"

namespace zhuanlan {

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
    if (a.last_day < today && !a.stats.reported()) {
      diagnostics.warning(a.source, a.line,
                          "活动“" + a.title + "”已于 " + format_day_iso(a.last_day) +
                              " 结束，但还没有填写参与情况 \"stats\"，统计表中将显示为“未报送”");
    }
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
  // Student figures count attendances, so the coverage can pass 100%;
  // the authorities' form expects a share of students.
  const StatTable summary = summary_table(model);
  if (const auto* rate = std::get_if<Percent>(&summary.rows[0][3]); rate && rate->ratio > 1.0) {
    diagnostics.warning("content/site.json", 0,
                        "按活动累计的参与学生人次超过在校学生总数（students_total），学生覆盖率为 " +
                            cell_text(summary.rows[0][3]) + "。报送前请核实：覆盖率应按参加活动的不同学生人数计算");
  }
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
