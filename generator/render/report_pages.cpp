#include "render/report_pages.h"

#include "model/report_forms.h"
#include "util/paths.h"

namespace zhuanlan {

using kainjow::mustache::data;
using kainjow::mustache::list;

std::string render_media(PageRenderer& r) {
  const SiteModel& model = r.model();
  const std::string path = "media/index.html";
  const std::string root = root_prefix_for(path);
  data d = r.common(root);
  list levels;
  for (const std::string& level : media_levels()) {
    std::size_t count = 0;
    for (const auto& report : model.media) count += report.level == level;
    data entry;
    entry.set("level", level);
    entry.set("count", std::to_string(count));
    levels.push_back(entry);
  }
  d.set("levels", levels);
  d.set("count", std::to_string(model.media.size()));
  list days;
  for (std::size_t i = 0; i < model.media.size();) {
    const Day day = model.media[i].date;
    list reports;
    for (; i < model.media.size() && model.media[i].date == day; ++i) {
      const MediaReport& report = model.media[i];
      data entry;
      entry.set("outlet", report.outlet);
      entry.set("level", report.level);
      entry.set("title", report.title);
      entry.set("url", report.url.empty() ? data(false) : data(report.url));
      const auto news = std::find_if(model.news.begin(), model.news.end(),
                                     [&](const NewsItem& n) { return n.slug == report.news_slug; });
      if (!report.news_slug.empty() && news != model.news.end()) {
        data link;
        link.set("url", news->url);
        link.set("title", news->title);
        entry.set("news", link);
      } else {
        entry.set("news", false);
      }
      reports.push_back(entry);
    }
    data group;
    group.set("date_text", format_day_chinese(day) + " " + weekday_chinese(day));
    group.set("reports", reports);
    days.push_back(group);
  }
  d.set("days", days);
  return r.wrap({path, "media", r.text().get("媒体聚焦.标题"),
                 r.text().fill("媒体聚焦.简介", {{"学校", model.site.school}, {"专栏", model.site.title}}), "", false,
                 false},
                r.render("media", d));
}

std::vector<StatTable> published_tables(const SiteModel& model) {
  // The official forms without what only the authorities get: the lines
  // naming the person who fills them in, and the 填表说明.
  const auto for_public = [](StatTable table, const std::string& stem) {
    table.file_stem = stem;
    table.header_lines.clear();
    table.instructions.clear();
    return table;
  };
  StatTable activities = for_public(stats_department_form(model, ""), "activities");
  // Told apart from the school's 情况统计表 above it on the page.
  activities.title.replace(activities.title.find("情况统计表"), std::string_view("情况统计表").size(), "各项活动情况统计表");
  return {for_public(stats_province_form(model), "summary"), activities, for_public(daily_summary_form(model), "daily")};
}

data table_data(const StatTable& table) {
  data d;
  d.set("title", table.title);
  d.set("file_stem", table.file_stem);
  const bool groups = has_column_groups(table);
  list top, second;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const StatColumn& column = table.columns[c];
    if (!groups || column.group.empty()) {
      data cell;
      cell.set("text", column.title);
      cell.set("colspan", std::string("1"));
      cell.set("rowspan", groups ? std::string("2") : std::string("1"));
      top.push_back(cell);
      continue;
    }
    if (c == 0 || table.columns[c - 1].group != column.group) {
      std::size_t span = 1;
      while (c + span < table.columns.size() && table.columns[c + span].group == column.group) ++span;
      data cell;
      cell.set("text", column.group);
      cell.set("colspan", std::to_string(span));
      cell.set("rowspan", std::string("1"));
      top.push_back(cell);
    }
    data sub;
    sub.set("text", column.title);
    second.push_back(sub);
  }
  d.set("head_top", top);
  d.set("head_second", second);
  d.set("has_second", groups);
  list rows;
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    list cells;
    for (const auto& cell : table.rows[r]) {
      data entry;
      entry.set("text", cell_text(cell));
      entry.set("number", !std::holds_alternative<std::string>(cell));
      cells.push_back(entry);
    }
    data row;
    row.set("cells", cells);
    row.set("total", table.last_row_is_total && r + 1 == table.rows.size());
    rows.push_back(row);
  }
  d.set("rows", rows);
  list notes;
  for (const auto& note : table.notes) notes.push_back(data(note));
  d.set("notes", notes);
  return d;
}

std::string render_stats(PageRenderer& r) {
  const SiteModel& model = r.model();
  const std::string path = "stats/index.html";
  data d = r.common(root_prefix_for(path));
  list tables;
  for (auto table : published_tables(model)) {
    // How each table is computed, in the site's own words.
    table.notes = {r.text().get("数据统计.说明." + table.file_stem)};
    tables.push_back(table_data(table));
  }
  d.set("tables", tables);
  return r.wrap({path, "stats", r.text().get("数据统计.标题"), r.text().fill("数据统计.简介", {{"专栏", model.site.title}}),
                 "", false, false},
                r.render("stats", d));
}

}  // namespace zhuanlan
