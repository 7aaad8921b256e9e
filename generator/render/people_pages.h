#pragma once
// Typical people (典型人物): the page of all people grouped by role, one page
// per person with photo, honours and story, and the QR code of each.
#include <vector>

#include "render/page_plan.h"

namespace zhuanlan {

// Adds the people pages and QR codes to jobs (nothing without people).
void plan_people_pages(const SiteModel& model, std::vector<PageJob>& jobs);

}  // namespace zhuanlan
