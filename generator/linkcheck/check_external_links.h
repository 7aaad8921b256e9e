#pragma once
// `zhuanlan check --links`: every external link of the site checked
// (linkcheck/link_checker.h), with the answers of the last two weeks reused
// from the cache; each broken link is an error at every place that writes it.
#include <chrono>
#include <cstddef>
#include <filesystem>

#include "linkcheck/link_checker.h"
#include "model/site_model.h"
#include "util/diagnostics.h"

namespace zhuanlan {

struct LinkCheckSummary {
  std::size_t links = 0;    // distinct URLs
  std::size_t checked = 0;  // asked over the network this time
  std::size_t cached = 0;   // answered well within the last two weeks
  std::size_t broken = 0;
};

LinkCheckSummary check_external_links(const SiteModel& model, const std::filesystem::path& cache_file,
                                      std::chrono::sys_seconds now, const LinkCheckOptions& options,
                                      Diagnostics& diagnostics);

}  // namespace zhuanlan
