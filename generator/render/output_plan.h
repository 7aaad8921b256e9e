#pragma once
// Every file a build writes is planned before anything is written, each with
// where it comes from. Two sources that would write one path (also when the
// paths differ only in case, as on a case-insensitive web server or a
// Windows/macOS checkout) are an error naming both, so that nothing is ever
// overwritten silently or written by two threads at once.
#include <string>
#include <vector>

#include "util/diagnostics.h"

namespace zhuanlan {

// Where an output comes from, for messages. Content gives a file (as shown in
// messages, e.g. content/news/2025-05-13/index.md) and a line (0: the file as
// a whole, e.g. its name); generated outputs (lists, feeds) have no file and
// are named by what they are (每日动态列表).
struct OutputOrigin {
  std::string file;
  int line = 0;
  std::string what;  // 新闻“标题”, 活动 id “index”, 每日动态列表
  std::string fix;   // what the user changes to move it; empty for generated outputs
};

struct PlannedOutput {
  std::string path;  // site-relative
  OutputOrigin origin;
};

// Adds an error for every path that two different origins would write, and
// for a path that another one needs as a folder. A pair of origins is
// reported once, however many paths they share (a page and its QR code,
// the pages of a list).
void check_output_paths(const std::vector<PlannedOutput>& outputs, Diagnostics& diagnostics);

// The key under which two paths are the same file on every system the site
// may be served from or copied to: ASCII letters folded to lower case.
std::string output_path_key(const std::string& path);

}  // namespace zhuanlan
