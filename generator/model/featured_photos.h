#pragma once
// The featured photos (精选图片) of the week for the report: the notices
// (seed 004) ask for ten, JPG, at least 2000 px and 2 MB each, each with a
// caption. A news item marked `featured: true` gives its cover (or, without
// one, its first picture). write/submission_bundle copies them; check
// (validate/image_checks) warns about those that miss the rules.
#include <string>
#include <vector>

#include "model/site_model.h"
#include "util/diagnostics.h"

namespace zhuanlan {

constexpr std::size_t kFeaturedPhotoCount = 10;

struct FeaturedPhoto {
  const NewsItem* item = nullptr;
  ImageRef image;
  std::string caption;  // the cover's caption, the photo's caption where the item shows it, or its alt text; may be empty
  int line = 0;  // where item.source names the photo: its cover:, else its featured: line
};

// The featured photos, oldest news first. Warns (in diagnostics) about a
// featured item without a picture, a photo without a caption, and a number
// of photos other than ten.
std::vector<FeaturedPhoto> featured_photos(const SiteModel& model, Diagnostics& diagnostics);

}  // namespace zhuanlan
