#pragma once
// `zhuanlan serve`: builds the site into a private folder
// (preview_output_dir, never public/), serves it (serve/http_server.h),
// watches content/, layouts/ and assets/ (serve/file_watcher.h), and after
// each burst of saves rebuilds it through build_site and tells the open
// pages (serve/live_reload.h): reload once the new files are in place, or
// the problems of a failed rebuild, shown over the last good pages.
#include <string>

#include "write/build_site.h"

namespace zhuanlan {

struct ServeOptions {
  BuildOptions build;             // site_dir, include_drafts, on_image_progress; out_dir is ignored
  std::string host = "127.0.0.1";
  int port = 1313;                // 0: any free port (the address printed says which)
  bool poll = false;              // look at the files at an interval instead of inotify
};

// Runs until SIGINT or SIGTERM; returns the exit status (0, or 1 when the
// site cannot be served at all: no site.json, the port is taken, another
// preview of the same site is running). Messages are printed in Chinese.
int serve_site(const ServeOptions& options);

}  // namespace zhuanlan
