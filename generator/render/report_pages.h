#pragma once
// Media coverage (媒体聚焦) and the statistics page with its downloadable
// tables.
#include <string>
#include <vector>

#include "model/statistics.h"
#include "render/page_renderer.h"

namespace zhuanlan {

std::string render_media(PageRenderer& renderer);

// The tables published on the statistics page, in page order: the official
// forms (model/report_forms.h) without the reporting person's lines.
std::vector<StatTable> published_tables(const SiteModel& model);

std::string render_stats(PageRenderer& renderer);

// A table's header rows and body for a template: a group heading spans its
// columns, a column without a group spans both header rows.
kainjow::mustache::data table_data(const StatTable& table);

}  // namespace zhuanlan
