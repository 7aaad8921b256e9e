#pragma once
// The whole pipeline: load -> validate -> site model -> render -> write.
#include <filesystem>
#include <string>

#include "util/diagnostics.h"

namespace zhuanlan {

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;  // empty: <site>/public
  bool include_drafts = false;
  std::string base_url;           // empty: site.json's
};

struct BuildResult {
  bool ok = false;
  Diagnostics diagnostics;
  std::size_t pages = 0;
  std::size_t files_written = 0;
  std::size_t files_unchanged = 0;
  std::filesystem::path out_dir;
};

// Never throws for problems in the user's files: they come back as
// diagnostics, and then nothing in out_dir has changed.
BuildResult build_site(const BuildOptions& options);

}  // namespace zhuanlan
