#include "write/report.h"

#include <set>

#include "model/report_forms.h"
#include "model/review_log.h"
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
  try {
    StagedOutput output(out_dir);
    std::set<std::string> stems;  // two department names may make one file name
    std::vector<StatTable> tables = report_forms(model);
    if (auto log = review_log_table(model)) tables.push_back(std::move(*log));
    for (const StatTable& form : tables) {
      std::string stem = form.file_stem;
      for (int n = 2; !stems.insert(stem).second; ++n) stem = form.file_stem + "-" + std::to_string(n);
      output.write(stem + ".xlsx", table_xlsx(form, model.site.school, stable_timestamp(model.site)));
      output.write(stem + ".csv", table_csv(form));
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
