#pragma once
// `zhuanlan deploy`: sends the built site to the server named by site.json
// deploy.url (or --to), incrementally and safely (docs/architecture.md,
// "Deploy").
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "deploy/deploy_plan.h"
#include "deploy/deploy_target.h"
#include "util/diagnostics.h"

namespace zhuanlan {

struct DeployProgress {
  std::size_t done = 0, total = 0;
  std::string current;  // the path being sent or deleted
};
using DeployProgressFn = std::function<void(const DeployProgress&)>;

struct DeployOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  // empty: <site>/public
  std::string to_url;             // --to: replaces deploy.url
  bool dry_run = false;
  std::size_t max_deletes = 20;
  unsigned connections = 4;  // transfers at a time
  int attempts = 3;          // tries per transfer before giving up
  EnvironmentLookup getenv;  // empty: the process's environment
  DeployProgressFn on_progress;
  // For tests: behave as if the process were killed after this many
  // uploads (nothing more is sent, not even the manifest). 0: never.
  std::size_t stop_after_uploads = 0;
};

struct DeployResult {
  bool ok = false;
  Diagnostics diagnostics;  // site.json problems, what stopped the deploy, warnings
  std::string target;                 // where, as shown to users (no secrets)
  bool first_deploy = false;          // no manifest was on the server
  bool guard_stopped = false;         // too many deletions: nothing was changed
  DeployPlan plan;
  std::size_t uploaded = 0, deleted = 0;
  std::uint64_t bytes_sent = 0;
};

DeployResult run_deploy(const DeployOptions& options);

}  // namespace zhuanlan
