#include "write/report.h"

#include "model/statistics.h"
#include "validate/schedule_checks.h"
#include "write/staged_output.h"
#include "write/submission_bundle.h"
#include "write/table_files.h"

namespace zhuanlan {

ReportResult write_report(const BuildOptions& options, const std::filesystem::path& out_dir) {
  ReportResult result;
  auto prepared = prepare_site(options, result.diagnostics);
  if (!prepared) return result;
  const SiteModel& model = prepared->model;
  check_report_limits(model.site, Severity::error, result.diagnostics);
  if (result.diagnostics.has_errors()) return result;
  const std::vector<StatTable> tables = {info_collection_table(model), summary_table(model), activity_table(model),
                                         daily_table(model)};
  // File names people recognise when they attach them to an e-mail.
  const std::map<std::string, std::string> names = {{"info", "信息采集表"},
                                                    {"summary", "情况统计表-汇总"},
                                                    {"activities", "情况统计表-分活动"},
                                                    {"daily", "开展情况汇总表-按日"}};
  try {
    StagedOutput output(out_dir);
    for (const StatTable& table : tables) {
      const std::string stem = names.at(table.file_stem);
      output.write(stem + ".xlsx", table_xlsx(table, model.site.school, stable_timestamp(model.site)));
      output.write(stem + ".csv", table_csv(table));
      result.files.push_back(stem + ".xlsx");
      result.files.push_back(stem + ".csv");
    }
    for (auto& file : write_submission_bundle(*prepared, image_work(options), output, result.diagnostics)) {
      result.files.push_back(std::move(file));
    }
    if (result.diagnostics.has_errors()) return result;  // the staged folder is removed, nothing is published
    output.commit();
    result.ok = true;
  } catch (const std::exception& e) {
    result.diagnostics.error("", 0, e.what());
  }
  return result;
}

}  // namespace zhuanlan
