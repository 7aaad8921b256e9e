#pragma once
// The web versions of a photo: which widths and formats the writer makes and
// where each one is published. Pure functions of the ImageRef, shared by the
// pages (srcset, width, height) and the writer (the files), so the two always
// agree.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/content.h"

namespace zhuanlan {

// Photos are JPEG or PNG and get web versions in WebP and their own format;
// SVG drawings (a campus map) scale by themselves and are published
// cleaned of scripts (util/svg_cleaning.h), at one size.
enum class ImageFormat { jpeg, png, webp, svg };

struct ImageVariant {
  int width = 0, height = 0;
  ImageFormat format = ImageFormat::jpeg;
  std::string path;  // site-relative
};

// Widths of a photo's web versions, narrowest first: the standard widths
// below the photo's own width, then the largest version (the photo's width,
// at most 1600 px; panoramas up to 4096 px, the texture size phones handle).
// Never wider than the photo: nothing is enlarged.
std::vector<int> web_widths(int width, bool panorama);

// The height of a version width px wide of a width x height photo.
int scaled_height(int width, int height, int target_width);

// The format a published path names by its extension (.jpg, .jpeg, .png, .svg).
std::optional<ImageFormat> format_for_path(std::string_view path);
std::string_view file_extension(ImageFormat format);  // "jpg", "png", "webp"
std::string_view mime_type(ImageFormat format);

// Every web version of a probed image, by format (WebP first, then the
// format of its published path, for browsers without WebP; panoramas only
// the latter), narrowest first within a format. The widest version of the
// published path's format is published_path itself, so that address always
// holds a web-sized copy. An SVG drawing has one version: itself. Empty for
// an image that was not probed.
std::vector<ImageVariant> web_variants(const ImageRef& image);

// Where the full-size copy is published when the site opts in:
// images/a.jpg -> images/a-original.jpg.
std::string original_path(const ImageRef& image);

// Every file the site publishes for an image, each once: its web versions
// (an SVG drawing: itself) and, when the site opts in, the full-size copy.
std::vector<std::string> published_image_files(const ImageRef& image);

}  // namespace zhuanlan
