#pragma once
// The warnings `zhuanlan check` adds to a build's own checks: gaps in the
// programme, activities outside the week, figures not yet reported, news
// that may have forgotten its activity, and report texts over the limit.
#include "model/site_model.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// today: the current day in China; activities that ended before it should
// have their figures.
void check_schedule(const SiteModel& model, Day today, Diagnostics& diagnostics);

// 信息采集表: the plan and the featured activity may hold at most 300
// characters each. severity: a warning for check, an error for report.
void check_report_limits(const SiteConfig& site, Severity severity, Diagnostics& diagnostics);

}  // namespace zhuanlan
