#include "model/review_log.h"

#include <algorithm>

#include "model/report_forms.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

// When an item went out: its publish_at, else its date.
const Timestamp& published(const NewsItem& item) { return item.publish_at ? *item.publish_at : item.date; }

std::string published_text(const NewsItem& item) {
  const Timestamp& when = published(item);
  const std::string day = format_day_iso(china_day(when.utc));
  return when.has_time ? day + " " + format_time_china(when.utc) : day;
}

}  // namespace

std::optional<StatTable> review_log_table(const SiteModel& model) {
  const std::vector<std::string>& stages = model.site.review_stages;
  if (stages.empty()) return std::nullopt;
  StatTable t;
  t.id = "review-log";
  t.file_stem = "审核记录";
  t.sheet_name = "审核记录";
  t.title = std::to_string(static_cast<int>(std::chrono::year_month_day{model.site.week.start}.year())) +
            "年职业教育活动周专栏稿件审核记录";
  t.header_lines = {{"填报单位：", reporting_unit(model.site)}, {"审核环节：", join(stages, "、")}};
  t.columns = {{"标题", ""}, {"文件", ""}, {"发布时间", ""}, {"作者", ""}};
  for (const std::string& stage : stages) {
    t.columns.push_back({"审核人", stage});
    t.columns.push_back({"审核日期", stage});
  }

  // model.news is newest first; the record reads in the order of publication.
  std::vector<const NewsItem*> items;
  for (const NewsItem& item : model.news) items.push_back(&item);
  std::stable_sort(items.begin(), items.end(), [](const NewsItem* a, const NewsItem* b) {
    const auto at = published(*a).utc, bt = published(*b).utc;
    return at != bt ? at < bt : a->slug < b->slug;
  });
  for (const NewsItem* item : items) {
    std::vector<StatCell> row = {item->title, item->source, published_text(*item), item->author};
    for (const std::string& stage : stages) {
      const auto signature = std::find_if(item->reviews.begin(), item->reviews.end(),
                                          [&](const ReviewSignature& s) { return s.stage == stage; });
      const bool signed_off = signature != item->reviews.end();
      row.push_back(signed_off ? signature->by : std::string());
      row.push_back(signed_off ? format_day_iso(signature->date) : std::string());
    }
    t.rows.push_back(std::move(row));
  }
  t.instructions = "说明：按发布时间先后排列，共 " + std::to_string(items.size()) +
                   " 条已发布的新闻；草稿和未到发布时间的定时新闻不在表中。";
  return t;
}

}  // namespace zhuanlan
