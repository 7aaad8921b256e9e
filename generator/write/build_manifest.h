#pragma once
// The record that lets a rebuild with nothing changed stop early. After a
// successful build, a compact JSON file beside the output folder
// (<out>.zhuanlan-manifest.json, never inside it, so it is never published,
// and never inside content/) holds:
//   - the program (device, inode, size and time of its executable) and the
//     options,
//   - the listing of every file under the site's content/, layouts/ and
//     assets/ with its size and modification time in nanoseconds, and the
//     listing of every file of the output folder, each kept as its number
//     of entries and SHA-256 (the listings themselves run to megabytes),
//   - the page count and the warnings of that build, to report them again,
//   - the time the next scheduled news item is due (publish_at), after which
//     the record no longer holds although no file changed.
// The next build compares the same listings taken afresh; when all match,
// the output is exactly what a full build would write, so nothing is done.
// Any difference means a normal full build, which itself rewrites only the
// files whose bytes changed; so does a manifest that is missing, damaged or
// of an older format (the line-based <out>.zhuanlan-manifest of earlier
// versions is deleted when the new record is written).
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "util/diagnostics.h"

namespace zhuanlan {

struct BuildOptions;

struct BuildInputs {
  std::string key;     // program and options, as compact JSON
  std::string files;   // one line per input file: path, size, mtime_ns
  // False when the record cannot be trusted: an input changed so recently
  // that a further change might keep the same time stamp, the program's
  // own file could not be found, or a name holds a tab or a line break.
  bool usable = false;
};

// Taken before the build reads anything.
BuildInputs record_inputs(const BuildOptions& options, const std::filesystem::path& site_dir,
                          const std::filesystem::path& out_dir);

struct PreviousBuild {
  std::size_t pages = 0;
  Diagnostics warnings;
};

// The previous build's page count and warnings when it read exactly these
// inputs with this program and these options, and its output folder still
// holds exactly the files it wrote, unchanged; nullopt otherwise.
std::optional<PreviousBuild> unchanged_since_last_build(const BuildInputs& inputs,
                                                        const std::filesystem::path& out_dir,
                                                        std::chrono::sys_seconds now);

// Called after the output was committed. Failing to write the record only
// costs the next build its shortcut, so errors are ignored.
void save_build_manifest(const BuildInputs& inputs, const std::filesystem::path& out_dir, std::size_t pages,
                         std::optional<std::chrono::sys_seconds> next_publication, const Diagnostics& diagnostics);

std::filesystem::path build_manifest_path(const std::filesystem::path& out_dir);

}  // namespace zhuanlan
