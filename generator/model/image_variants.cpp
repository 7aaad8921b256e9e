#include "model/image_variants.h"

#include <algorithm>
#include <cmath>
#include <span>

namespace zhuanlan {
namespace {

// Phone screens (480, 800), tablets and laptops (1200), high-density laptops
// (1600). Wider photos gain nothing in a 45rem column.
constexpr int kPhotoWidths[] = {480, 800, 1200, 1600};
// Panorama viewers map the whole photo onto a sphere: 2048 px for older
// phones, 4096 px (the largest texture most phones accept) for the rest.
constexpr int kPanoramaWidths[] = {2048, 4096};

std::pair<std::string_view, std::string_view> split_extension(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {path, ""};
  return {path.substr(0, dot), path.substr(dot)};
}

}  // namespace

std::vector<int> web_widths(int width, bool panorama) {
  std::vector<int> widths;
  if (width <= 0) return widths;
  const std::span<const int> ladder = panorama ? std::span<const int>(kPanoramaWidths) : std::span<const int>(kPhotoWidths);
  for (const int w : ladder) {
    if (w < width && w < ladder.back()) widths.push_back(w);
  }
  widths.push_back(std::min(width, ladder.back()));
  return widths;
}

int scaled_height(int width, int height, int target_width) {
  if (width <= 0) return 0;
  return std::max(1, static_cast<int>(std::lround(static_cast<double>(height) * target_width / width)));
}

std::optional<ImageFormat> format_for_path(std::string_view path) {
  std::string extension(split_extension(path).second);
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".jpg" || extension == ".jpeg") return ImageFormat::jpeg;
  if (extension == ".png") return ImageFormat::png;
  if (extension == ".svg") return ImageFormat::svg;
  return std::nullopt;
}

std::string_view file_extension(ImageFormat format) {
  switch (format) {
    case ImageFormat::jpeg: return "jpg";
    case ImageFormat::png: return "png";
    case ImageFormat::webp: return "webp";
    case ImageFormat::svg: return "svg";
  }
  return "";
}

std::string_view mime_type(ImageFormat format) {
  switch (format) {
    case ImageFormat::jpeg: return "image/jpeg";
    case ImageFormat::png: return "image/png";
    case ImageFormat::webp: return "image/webp";
    case ImageFormat::svg: return "image/svg+xml";
  }
  return "";
}

std::vector<ImageVariant> web_variants(const ImageRef& image) {
  std::vector<ImageVariant> variants;
  const auto fallback = format_for_path(image.published_path);
  if (image.width <= 0 || image.height <= 0 || !fallback) return variants;
  if (*fallback == ImageFormat::svg) return {{image.width, image.height, ImageFormat::svg, image.published_path}};
  const auto [stem, extension] = split_extension(image.published_path);
  const std::vector<int> widths = web_widths(image.width, image.panorama);
  std::vector<ImageFormat> formats;
  if (!image.panorama) formats.push_back(ImageFormat::webp);
  formats.push_back(*fallback);
  for (const ImageFormat format : formats) {
    for (const int w : widths) {
      ImageVariant v;
      v.width = w;
      v.height = scaled_height(image.width, image.height, w);
      v.format = format;
      const bool widest = w == widths.back();
      if (format == *fallback) {
        v.path = widest ? image.published_path : std::string(stem) + "-" + std::to_string(w) + std::string(extension);
      } else {
        v.path = std::string(stem) + (widest ? "" : "-" + std::to_string(w)) + "." + std::string(file_extension(format));
      }
      variants.push_back(std::move(v));
    }
  }
  return variants;
}

std::string original_path(const ImageRef& image) {
  const auto [stem, extension] = split_extension(image.published_path);
  return std::string(stem) + "-original" + std::string(extension);
}

std::vector<std::string> published_image_files(const ImageRef& image) {
  std::vector<std::string> files{image.published_path};
  for (const auto& variant : web_variants(image)) {
    if (variant.path != image.published_path) files.push_back(variant.path);
  }
  if (image.original_published && format_for_path(image.published_path) != ImageFormat::svg) {
    files.push_back(original_path(image));
  }
  return files;
}

}  // namespace zhuanlan
