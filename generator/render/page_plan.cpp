#include "render/page_plan.h"

#include "render/exhibition_pages.h"
#include "render/people_pages.h"
#include "render/report_pages.h"
#include "render/schedule_pages.h"
#include "render/tour_pages.h"

namespace zhuanlan {

std::vector<PageJob> plan_pages(const SiteModel& model) {
  std::vector<PageJob> jobs;
  const int per_page = model.site.news_per_page;
  jobs.push_back({"index.html", [](PageRenderer& r) { return r.home(); }});
  for (const PageSlice& slice : paginate(model.news.size(), per_page)) {
    jobs.push_back({paged_path("news/index.html", slice.number), [slice](PageRenderer& r) { return r.news_list(slice); }});
  }
  for (std::size_t d = 0; d < model.days.size(); ++d) {
    for (const PageSlice& slice : paginate(model.days[d].news.size(), per_page)) {
      jobs.push_back({paged_path(model.days[d].url, slice.number), [d, slice](PageRenderer& r) { return r.day(d, slice); }});
    }
  }
  for (std::size_t i = 0; i < model.news.size(); ++i) {
    jobs.push_back({model.news[i].url, [i](PageRenderer& r) { return r.news_item(i); }});
  }
  for (const bool departments : {true, false}) {
    const auto& terms = departments ? model.departments : model.tags;
    if (terms.empty()) continue;
    jobs.push_back({departments ? "departments/index.html" : "tags/index.html",
                    [departments](PageRenderer& r) { return r.terms(departments); }});
    for (const Term& term : terms) {
      for (const PageSlice& slice : paginate(term.news.size(), per_page)) {
        const Term* t = &term;
        jobs.push_back({paged_path(term.url, slice.number),
                        [t, departments, slice](PageRenderer& r) { return r.term(*t, departments, slice); }});
      }
    }
  }
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    jobs.push_back({model.pages[i].url, [i](PageRenderer& r) { return r.free_page(i); }});
  }
  if (!model.activities.empty()) {
    jobs.push_back({"schedule/index.html", [](PageRenderer& r) { return render_schedule(r); }});
    for (std::size_t i = 0; i < model.activities.size(); ++i) {
      jobs.push_back({model.activities[i].url, [i](PageRenderer& r) { return render_activity(r, i); }});
    }
    jobs.push_back({"stats/index.html", [](PageRenderer& r) { return render_stats(r); }});
  }
  if (model.tour) {
    jobs.push_back({"tour/index.html", [](PageRenderer& r) { return render_tour_map(r); }});
    for (std::size_t i = 0; i < model.tour->stops.size(); ++i) {
      jobs.push_back({model.tour->stops[i].url, [i](PageRenderer& r) { return render_tour_stop(r, i); }});
    }
  }
  if (!model.media.empty()) jobs.push_back({"media/index.html", [](PageRenderer& r) { return render_media(r); }});
  plan_exhibition_pages(model, jobs);
  plan_people_pages(model, jobs);
  jobs.push_back({"404.html", [](PageRenderer& r) { return r.not_found(); }, false});
  return jobs;
}

}  // namespace zhuanlan
