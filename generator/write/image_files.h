#pragma once
// The image stage: every file the site publishes for its images, made with
// libvips or found in the cache, before anything is written to the output.
// A photo that cannot be decoded is reported here, naming the photo and the
// files that use it, so a build with a broken photo publishes nothing. Photos
// are handled in parallel, one per core, each decoded once and shrunk while
// decoding, so memory stays bounded however many photos there are.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/site_images.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// Reported while photos are being made (cache hits cost nothing and are
// not reported): how many of total are done, and the one being started
// (empty when all are done). Called from worker threads, one call at a time.
struct ImageProgress {
  std::size_t done = 0, total = 0;
  std::string current;  // content path
};
using ImageProgressFn = std::function<void(const ImageProgress&)>;

struct ImageWork {
  std::filesystem::path content_dir;
  std::filesystem::path cache_dir;  // image_cache_dir(site)
  ImageProgressFn progress;         // may be empty
  // Whether the files are about to be published (build, report) or only
  // checked (check): says what a note about a damaged cache entry tells.
  bool publishing = true;
};

struct ImageStats {
  std::size_t hashed = 0;  // photos read to be hashed (new or changed files)
  std::size_t made = 0;    // photos decoded to make files
  std::size_t reused = 0;  // photos whose files were all in the cache (or drawings, only cleaned): nothing decoded
  std::size_t damaged = 0;  // cache entries found damaged and made again (each with a warning)
};

// A file made from a photo, and where the site publishes it.
struct ImageFile {
  std::filesystem::path from;  // in the cache; empty for a drawing
  std::string path;            // site-relative
  std::string bytes;           // a drawing, cleaned (write/svg_cleaning.h)
};

// The web versions of every image and, when the site publishes originals,
// the full-size copies; SVG drawings cleaned of scripts and external
// references (one that is not well-formed XML is an error naming its file
// and line). Adds to stats; problems go to diagnostics.
std::vector<ImageFile> make_image_files(const std::vector<SiteImage>& images, const ImageWork& work,
                                        ImageStats& stats, Diagnostics& diagnostics);

// Full-size JPEG copies of the images, in their order; nullopt for an
// image that failed (reported in diagnostics).
std::vector<std::optional<std::filesystem::path>> make_full_size_jpegs(const std::vector<SiteImage>& images,
                                                                       const ImageWork& work, ImageStats& stats,
                                                                       Diagnostics& diagnostics);

}  // namespace zhuanlan
