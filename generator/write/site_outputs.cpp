#include "write/site_outputs.h"

#include "model/image_variants.h"
#include "render/report_pages.h"
#include "search/search_shards.h"

namespace zhuanlan {

std::string stat_table_path(const StatTable& table, const std::string& extension) {
  return "stats/" + table.file_stem + "." + extension;
}

std::vector<PlannedOutput> plan_site_outputs(const SiteModel& model, const std::vector<PageJob>& pages,
                                             const AssetSet& assets, const std::vector<SiteImage>& images) {
  std::vector<PlannedOutput> outputs;
  for (const PageJob& page : pages) outputs.push_back({page.path, page.origin});
  outputs.push_back({kFeedPath, {"", 0, "订阅源", ""}});
  outputs.push_back({kSitemapPath, {"", 0, "网站地图", ""}});
  if (!model.activities.empty()) {
    for (const StatTable& table : published_tables(model)) {
      for (const char* extension : {"csv", "xlsx"}) {
        outputs.push_back({stat_table_path(table, extension), {"", 0, "统计表“" + table.title + "”", ""}});
      }
    }
  }
  for (std::string& path : search_output_paths(search_document_count(model))) {
    outputs.push_back({std::move(path), {"", 0, "站内搜索索引", ""}});
  }
  for (const PublishedAsset& asset : assets.files) {
    outputs.push_back({asset.published_path, {asset.source, 0, "样式或脚本文件", "请给 assets/ 中的这个文件改名"}});
  }
  for (const SiteImage& image : images) {
    const OutputOrigin origin{image.used_by.empty() ? "" : image.used_by.front(), 0,
                              "图片 content/" + image.image.content_path,
                              "请给其中一张图片改名（发布后的文件名只保留英文字母、数字和 - _ .，中文名换成编码，扩展名一律小写）"};
    for (const std::string& file : published_image_files(image.image)) outputs.push_back({file, origin});
  }
  return outputs;
}

}  // namespace zhuanlan
