#pragma once
// The photos `zhuanlan report` bundles for the education authorities: the
// notices (seed 004) ask for ten selected photos of the week, JPG, at least
// 2000 px, each with a caption. A news item marked `featured: true` gives
// its cover (or, without one, its first picture); the photos are numbered
// in date order, 01.jpg, 02.jpg…, at full size with all metadata removed,
// beside a UTF-8 text file of their captions.
#include <string>
#include <vector>

#include "model/site_model.h"
#include "util/diagnostics.h"
#include "write/build_site.h"
#include "write/staged_output.h"

namespace zhuanlan {

constexpr std::size_t kFeaturedPhotoCount = 10;
inline constexpr const char* kBundleFolder = "精选图片";
inline constexpr const char* kCaptionsFile = "图片说明.txt";

struct FeaturedPhoto {
  const NewsItem* item = nullptr;
  ImageRef image;
  std::string caption;  // the photo's caption where the item shows it, or its alt text; may be empty
};

// The featured photos, oldest news first. Warns (in diagnostics) about a
// featured item without a picture, a photo without a caption, and a number
// of photos other than ten.
std::vector<FeaturedPhoto> featured_photos(const SiteModel& model, Diagnostics& diagnostics);

// The captions file: for each photo its file name, caption, news title,
// date and photographer.
std::string captions_text(const std::vector<FeaturedPhoto>& photos);

// The file name of the n-th photo (from 1): 01.jpg.
std::string bundle_file_name(std::size_t number);

// Makes the full-size copies (through the image cache) and writes the
// photos and the captions file into kBundleFolder of output. Returns the
// files written, relative to the output.
std::vector<std::string> write_submission_bundle(const PreparedSite& prepared, const ImageWork& work,
                                                 StagedOutput& output, Diagnostics& diagnostics);

}  // namespace zhuanlan
