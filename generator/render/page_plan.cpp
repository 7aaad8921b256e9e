#include "render/page_plan.h"

#include "render/exhibition_pages.h"
#include "render/people_pages.h"
#include "render/report_pages.h"
#include "render/schedule_pages.h"
#include "render/search_page.h"
#include "search/search_shards.h"
#include "render/tour_pages.h"

namespace zhuanlan {
namespace {

OutputOrigin generated(std::string what) { return {"", 0, std::move(what), ""}; }

std::string page_number(const std::string& what, const PageSlice& slice) {
  return slice.number <= 1 ? what : what + "（第 " + std::to_string(slice.number) + " 页）";
}

constexpr const char* kRenameMarkdown = "请给文件改名，或在 front matter 中写另一个 slug（例如 slug: opening-ceremony）";

// A department or tag is named by its first news item, or else by the first
// activity it runs.
OutputOrigin term_origin(const SiteModel& model, const Term& term, bool department) {
  OutputOrigin origin{"", 0, (department ? "供稿单位“" : "标签“") + term.name + "”的列表",
                      "网址由名称中的英文字母和数字组成，只差大小写、空格或标点的名称网址相同：请在所有文件中统一写成同一个名称，或换一个名称"};
  if (!term.news.empty()) {
    const NewsItem& item = model.news[term.news.front()];
    origin.file = item.source;
    origin.line = department ? item.lines.department : item.lines.tags;
  } else if (const auto it = model.department_activities.find(term.name);
             it != model.department_activities.end() && !it->second.empty()) {
    const Activity& a = model.activities[it->second.front()];
    origin.file = a.source;
    origin.line = a.line;
  }
  return origin;
}

}  // namespace

std::vector<PageJob> plan_pages(const SiteModel& model) {
  std::vector<PageJob> jobs;
  const int per_page = model.site.news_per_page;
  jobs.push_back({"index.html", [](PageRenderer& r) { return r.home(); }, true, generated("首页")});
  for (const PageSlice& slice : paginate(model.news.size(), per_page)) {
    jobs.push_back({paged_path("news/index.html", slice.number), [slice](PageRenderer& r) { return r.news_list(slice); },
                    true, generated(page_number("每日动态列表", slice))});
  }
  for (std::size_t d = 0; d < model.days.size(); ++d) {
    for (const PageSlice& slice : paginate(model.days[d].news.size(), per_page)) {
      jobs.push_back({paged_path(model.days[d].url, slice.number), [d, slice](PageRenderer& r) { return r.day(d, slice); },
                      true, generated(page_number(format_day_iso(model.days[d].day) + " 的每日动态列表", slice))});
    }
  }
  for (std::size_t i = 0; i < model.news.size(); ++i) {
    const NewsItem& item = model.news[i];
    jobs.push_back({item.url, [i](PageRenderer& r) { return r.news_item(i); }, true,
                    {item.source, item.lines.slug, "新闻“" + item.title + "”", kRenameMarkdown}});
  }
  for (const bool departments : {true, false}) {
    const auto& terms = departments ? model.departments : model.tags;
    if (terms.empty()) continue;
    jobs.push_back({departments ? "departments/index.html" : "tags/index.html",
                    [departments](PageRenderer& r) { return r.terms(departments); }, true,
                    generated(departments ? "供稿单位一览" : "标签一览")});
    for (const Term& term : terms) {
      const OutputOrigin origin = term_origin(model, term, departments);
      for (const PageSlice& slice : paginate(term.news.size(), per_page)) {
        const Term* t = &term;
        jobs.push_back({paged_path(term.url, slice.number),
                        [t, departments, slice](PageRenderer& r) { return r.term(*t, departments, slice); }, true,
                        origin});
      }
    }
  }
  for (std::size_t i = 0; i < model.pages.size(); ++i) {
    const FreePage& page = model.pages[i];
    jobs.push_back({page.url, [i](PageRenderer& r) { return r.free_page(i); }, true,
                    {page.source, page.lines.slug, "页面“" + page.title + "”", kRenameMarkdown}});
  }
  if (!model.activities.empty()) {
    jobs.push_back({"schedule/index.html", [](PageRenderer& r) { return render_schedule(r); }, true,
                    generated("活动安排")});
    for (std::size_t i = 0; i < model.activities.size(); ++i) {
      const Activity& a = model.activities[i];
      jobs.push_back({a.url, [i](PageRenderer& r) { return render_activity(r, i); }, true,
                      {a.source, a.line, "活动 id “" + a.id + "”", "请给这个活动换一个 id"}});
    }
    jobs.push_back({"stats/index.html", [](PageRenderer& r) { return render_stats(r); }, true, generated("数据统计")});
  }
  if (model.tour) {
    jobs.push_back({"tour/index.html", [](PageRenderer& r) { return render_tour_map(r); }, true,
                    generated("线上逛校园的地图页")});
    for (std::size_t i = 0; i < model.tour->stops.size(); ++i) {
      const TourStop& stop = model.tour->stops[i];
      jobs.push_back({stop.url, [i](PageRenderer& r) { return render_tour_stop(r, i); }, true,
                      {model.tour->source, stop.line, "站点 id “" + stop.id + "”", "请给这个站点换一个 id"}});
    }
  }
  if (!model.media.empty()) {
    jobs.push_back({"media/index.html", [](PageRenderer& r) { return render_media(r); }, true, generated("媒体聚焦")});
  }
  plan_exhibition_pages(model, jobs);
  plan_people_pages(model, jobs);
  jobs.push_back({kSearchPagePath, [](PageRenderer& r) { return render_search_page(r); }, false, generated("站内搜索页")});
  jobs.push_back({"404.html", [](PageRenderer& r) { return r.not_found(); }, false, generated("404 页面")});
  return jobs;
}

}  // namespace zhuanlan
