#pragma once
// `zhuanlan report`: the official forms a school sends to the education
// authorities (model/report_forms.h) and, with review.stages set, the
// review record (model/review_log.h) as XLSX and CSV files, and the
// featured photos (write/submission_bundle.h).
#include <filesystem>
#include <string>
#include <vector>

#include "write/build_site.h"

namespace zhuanlan {

struct ReportResult {
  bool ok = false;
  Diagnostics diagnostics;
  std::vector<std::string> files;  // written, relative to the report folder
};

ReportResult write_report(const BuildOptions& options, const std::filesystem::path& out_dir);

}  // namespace zhuanlan
