#pragma once
// The files made from a photo with libvips. Every file is turned upright
// by the photo's EXIF orientation, converted to sRGB when the photo carries
// its own colour profile, and saved with no metadata at all: no GPS
// position, no camera serial number, no EXIF, XMP or IPTC.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/image_variants.h"

namespace zhuanlan {

// A photo that cannot be decoded. what() is a Chinese explanation that
// reads after the file's name, e.g. "不完整……".
class ImageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The name a version has in a folder of made files: 800.webp.
std::string version_file_name(int width, ImageFormat format);

// Decodes the photo once, shrinking while decoding (so memory stays small
// for large photos), and saves each width (at most the photo's own) in each
// format into dir, named by version_file_name(). Throws ImageError.
void make_web_versions(const std::filesystem::path& source, const std::vector<int>& widths,
                       const std::vector<ImageFormat>& formats, const std::filesystem::path& dir);

// The whole photo at full size, as JPEG (high quality) or PNG. Throws
// ImageError.
void make_full_size(const std::filesystem::path& source, ImageFormat format, const std::filesystem::path& file);

// The libvips version and every setting the files depend on. It is part of
// each cache key, so a change to any of them makes the files again.
std::string processing_fingerprint();

}  // namespace zhuanlan
