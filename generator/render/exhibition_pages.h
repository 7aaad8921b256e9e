#pragma once
// The online exhibition (成果展): its first page, the lists by department,
// category and level, one page per exhibit, a printable A4 board page per
// department, the QR codes those pages show, and the home page's highlights.
#include <vector>

#include "render/page_plan.h"
#include "render/page_renderer.h"

namespace zhuanlan {

// Adds every exhibition page and QR code to jobs (nothing without exhibits).
void plan_exhibition_pages(const SiteModel& model, std::vector<PageJob>& jobs);

// The data of home.mustache's {{#showcase}} section: the highlights
// (national and provincial first) and some typical people; false when the
// site has neither.
kainjow::mustache::data exhibition_home(const SiteModel& model);

// Links to the exhibits with these ids (unknown ids are left out), for
// pages that show where exhibits are, such as the campus tour's stops.
kainjow::mustache::data exhibit_links(const SiteModel& model, const std::vector<std::string>& ids);

}  // namespace zhuanlan
