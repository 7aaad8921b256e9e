#pragma once
// The list of every page the site has, each with the function that renders
// it. Planning first lets the writer spread pages over all cores and lets the
// sitemap list exactly the pages that exist; each page says where it comes
// from, so that two sources of one path are found before anything is written
// (render/output_plan.h).
#include <functional>
#include <string>
#include <vector>

#include "model/site_model.h"
#include "render/output_plan.h"
#include "render/page_renderer.h"

namespace zhuanlan {

struct PageJob {
  std::string path;  // site-relative output path
  std::function<std::string(PageRenderer&)> render;
  bool in_sitemap = true;
  OutputOrigin origin;
};

std::vector<PageJob> plan_pages(const SiteModel& model);

}  // namespace zhuanlan
