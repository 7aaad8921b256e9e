#pragma once
// The photo warnings of `zhuanlan check`: the submission rules of the
// notices (seed 004: photos at least 2000 px on the long side, each with a
// caption; not applied to drawings and panoramas) and the size limit a site
// sets for its image files.
#include <filesystem>
#include <vector>

#include "model/featured_photos.h"
#include "model/site_images.h"
#include "util/diagnostics.h"

namespace zhuanlan {

constexpr int kSubmissionMinLongSide = 2000;
// 单张不低于2M: two megabytes as Windows counts them.
constexpr long long kSubmissionMinBytes = 2LL * 1024 * 1024;

void check_images(const std::vector<SiteImage>& images, const ImageSettings& settings,
                  const std::filesystem::path& content_dir, Diagnostics& diagnostics);

// The featured photos (model/featured_photos.h) against the submission
// rules: JPG, at least 2 MB and 2000 px each, a caption each, ten of them.
void check_featured_photos(const SiteModel& model, const std::filesystem::path& content_dir, Diagnostics& diagnostics);

}  // namespace zhuanlan
