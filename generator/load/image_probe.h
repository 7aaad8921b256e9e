#pragma once
// What an image file's header says, read without decoding its pixels, and
// whether the site can publish it. Broken files are found here when the
// header shows it; a file cut short is found when its pixels are decoded
// (write/image_processing.h).
#include <filesystem>
#include <optional>
#include <string>

#include "model/image_variants.h"

namespace zhuanlan {

struct ImageFacts {
  int width = 0, height = 0;  // as shown: EXIF orientation applied
  ImageFormat format = ImageFormat::jpeg;
};

// Limits that keep one photo from exhausting memory (a decompression bomb,
// or a stitched panorama far beyond any screen).
constexpr int kMaxImageSide = 20000;
constexpr long long kMaxImagePixels = 150'000'000;

// Checks that the file is a JPEG or PNG (or an SVG drawing) whose content
// matches its extension and whose size is within the limits. On failure returns nullopt with a
// Chinese explanation in *error that follows the file's name, e.g.
// "是空文件（0 字节）……".
std::optional<ImageFacts> probe_image(const std::filesystem::path& file, std::string* error);

}  // namespace zhuanlan
