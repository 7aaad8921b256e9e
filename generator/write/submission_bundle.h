#pragma once
// The photos `zhuanlan report` bundles for the education authorities
// (model/featured_photos.h): numbered in date order, 01.jpg, 02.jpg…, at
// full size with all metadata removed (JPEGs copied by the lossless
// transform, so they keep their quality), beside a UTF-8 text file of their
// captions.
#include <string>
#include <vector>

#include "model/featured_photos.h"
#include "util/diagnostics.h"
#include "write/build_site.h"
#include "write/staged_output.h"

namespace zhuanlan {

inline constexpr const char* kBundleFolder = "精选图片";
inline constexpr const char* kCaptionsFile = "图片说明.txt";

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
