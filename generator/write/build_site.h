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
  bool full = false;              // ignore the record of the last build (write/build_manifest.h)
};

struct BuildResult {
  bool ok = false;
  Diagnostics diagnostics;
  std::size_t pages = 0;
  std::size_t files_written = 0;
  std::size_t files_unchanged = 0;
  std::filesystem::path out_dir;
  // Nothing changed since the last build and its output is intact, so
  // nothing was written; pages and warnings are the last build's.
  bool up_to_date = false;
};

// Never throws for problems in the user's files: they come back as
// diagnostics, and then nothing in out_dir has changed.
BuildResult build_site(const BuildOptions& options);

}  // namespace zhuanlan
