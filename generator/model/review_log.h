#pragma once
// The review record (审核记录) that `zhuanlan report` writes for the
// assessments of 三审三校: one row per published news item, in the order
// they were published, with the reviewer and date of every stage of
// site.json review.stages. As a StatTable, it is written like the official
// forms (write/table_files.h).
#include <optional>

#include "model/statistics.h"

namespace zhuanlan {

// nullopt when the site has no review.stages.
std::optional<StatTable> review_log_table(const SiteModel& model);

}  // namespace zhuanlan
