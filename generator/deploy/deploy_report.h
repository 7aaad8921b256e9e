#pragma once
// What `zhuanlan deploy` prints: the plan of a dry run and the one summary
// line of a run (Chinese).
#include <cstdint>
#include <string>

#include "deploy/deploy_run.h"

namespace zhuanlan {

// 1536 -> "1.5 KB"; bytes below 1024 as "512 字节".
std::string byte_size_text(std::uint64_t bytes);

// A dry run's plan: every upload (new or changed, with its size), every
// deletion, and the totals.
std::string plan_text(const DeployResult& result);

// The line that sums up a finished (or stopped) deploy.
std::string summary_line(const DeployResult& result);

}  // namespace zhuanlan
