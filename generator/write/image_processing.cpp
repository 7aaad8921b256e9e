#include "write/image_processing.h"

#include <vips/vips8>
#include <webp/mux.h>

#include <cstdint>
#include <fstream>
#include <memory>

#include "util/files.h"
#include "util/vips_runtime.h"
#include "write/jpeg_transform.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

constexpr int kWebJpegQuality = 80;
constexpr int kWebpQuality = 80;
constexpr int kWebpEffort = 4;
constexpr int kFullJpegQuality = 92;
constexpr int kPngCompression = 6;
constexpr int kUnlimited = 10'000'000;  // a thumbnail height that never binds: the width decides

// Reads the photo at the given width (never wider than it is): shrinks
// while decoding, applies the EXIF orientation, and converts to sRGB when
// the photo has its own profile (converting a photo without one would only
// shift its colours). A file cut short or with damaged data is an error,
// not a grey band: VIPS_FAIL_ON_WARNING also stops at libjpeg's "Corrupt
// JPEG data" warnings, which VIPS_FAIL_ON_TRUNCATED let through (the
// probe's visibly broken photo passed build and check).
vips::VImage upright_photo(const fs::path& source, int width) {
  const bool has_profile = vips::VImage::new_from_file(source.c_str()).get_typeof(VIPS_META_ICC_NAME) != 0;
  auto* options = vips::VImage::option()
                      ->set("height", kUnlimited)
                      ->set("size", VIPS_SIZE_DOWN)
                      ->set("fail_on", VIPS_FAIL_ON_WARNING);
  if (has_profile) options->set("export_profile", "srgb");
  return vips::VImage::thumbnail(source.c_str(), width, options);
}

struct MuxDeleter {
  void operator()(WebPMux* mux) const { WebPMuxDelete(mux); }
};

// libvips 8.14's WebP saver ignores its strip option and writes an EXIF
// chunk (with the GPS position, when the photo has one), so the chunks that
// can hold metadata are taken out of the encoded file with libwebpmux.
void save_webp(const vips::VImage& image, const fs::path& file) {
  VipsBlob* encoded = image.webpsave_buffer(
      vips::VImage::option()->set("Q", kWebpQuality)->set("effort", kWebpEffort)->set("strip", true));
  const WebPData input{static_cast<const std::uint8_t*>(encoded->area.data), encoded->area.length};
  std::unique_ptr<WebPMux, MuxDeleter> mux(WebPMuxCreate(&input, 1));
  vips_area_unref(&encoded->area);
  if (!mux) throw std::runtime_error("WebP 文件无法整理（libwebpmux）");
  for (const char* chunk : {"EXIF", "XMP ", "ICCP"}) WebPMuxDeleteChunk(mux.get(), chunk);
  WebPData output{};
  if (WebPMuxAssemble(mux.get(), &output) != WEBP_MUX_OK) throw std::runtime_error("WebP 文件无法整理（libwebpmux）");
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(output.bytes), static_cast<std::streamsize>(output.size));
  WebPDataClear(&output);
  if (!out) throw std::runtime_error("无法写入 " + file.string());
}

void save(const vips::VImage& image, ImageFormat format, const fs::path& file, bool full_size) {
  switch (format) {
    case ImageFormat::jpeg:
      image.jpegsave(file.c_str(), vips::VImage::option()
                                       ->set("Q", full_size ? kFullJpegQuality : kWebJpegQuality)
                                       ->set("optimize_coding", true)
                                       ->set("interlace", !full_size)
                                       ->set("strip", true));
      break;
    case ImageFormat::webp:
      save_webp(image, file);
      break;
    case ImageFormat::png:
      image.pngsave(file.c_str(), vips::VImage::option()->set("compression", kPngCompression)->set("strip", true));
      break;
    case ImageFormat::svg:
      throw std::logic_error("SVG drawings are only cleaned (util/svg_cleaning), never saved by libvips");
  }
}

// JPEG has no transparency: a PNG with an alpha channel is laid on white.
vips::VImage fit_for(const vips::VImage& image, ImageFormat format) {
  if (format == ImageFormat::jpeg && image.has_alpha()) {
    return image.flatten(vips::VImage::option()->set("background", std::vector<double>{255, 255, 255}));
  }
  return image;
}

[[noreturn]] void rethrow_as_image_error(const vips::VError& error) {
  std::string detail = error.what();
  vips_error_clear();  // libvips keeps its messages until cleared: they would reach the next error
  while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
  if (const auto newline = detail.find('\n'); newline != std::string::npos) detail.resize(newline);
  const bool cut_short = detail.find("Premature end") != std::string::npos ||
                         detail.find("truncated") != std::string::npos ||
                         detail.find("out of order") != std::string::npos;
  throw ImageError(std::string(cut_short ? "不完整（可能没有复制完，或者已经损坏），无法解码"
                                         : "无法解码（文件可能已经损坏）") +
                   "。请重新从相机或手机复制这张照片，或用图片软件打开后另存为 JPG（技术信息：" + detail + "）");
}

// A JPEG copied without decoding: turned upright and stripped by the
// lossless transform, when the photo is a JPEG without its own colour
// profile (one with a profile is converted to sRGB, which needs its pixels).
bool copied_losslessly(const fs::path& source, const fs::path& file) {
  const auto bytes = read_file(source);
  if (!bytes || bytes->rfind("\xFF\xD8\xFF", 0) != 0) return false;
  const vips::VImage header = vips::VImage::new_from_file(source.c_str());
  if (header.get_typeof(VIPS_META_ICC_NAME) != 0) return false;
  const int orientation = header.get_typeof(VIPS_META_ORIENTATION) != 0 ? header.get_int(VIPS_META_ORIENTATION) : 1;
  const auto upright = lossless_upright_jpeg(*bytes, orientation);
  if (!upright) return false;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(upright->data(), static_cast<std::streamsize>(upright->size()));
  if (!out) throw std::runtime_error("无法写入 " + file.string());
  return true;
}

}  // namespace

std::string version_file_name(int width, ImageFormat format) {
  return std::to_string(width) + "." + std::string(file_extension(format));
}

void make_web_versions(const fs::path& source, const std::vector<int>& widths, const std::vector<ImageFormat>& formats,
                       const fs::path& dir) {
  if (widths.empty()) return;
  start_vips();
  try {
    // Decoded once at the widest size, kept in memory; narrower versions
    // are made from it.
    const vips::VImage widest = upright_photo(source, widths.back()).copy_memory();
    for (const int width : widths) {
      const vips::VImage image =
          width >= widest.width() ? widest : widest.thumbnail_image(width, vips::VImage::option()->set("height", kUnlimited));
      for (const ImageFormat format : formats) save(fit_for(image, format), format, dir / version_file_name(width, format), false);
    }
  } catch (const vips::VError& error) {
    rethrow_as_image_error(error);
  }
}

void make_full_size(const fs::path& source, ImageFormat format, const fs::path& file) {
  start_vips();
  try {
    if (format == ImageFormat::jpeg && copied_losslessly(source, file)) return;
    save(fit_for(upright_photo(source, kUnlimited), format), format, file, true);
  } catch (const vips::VError& error) {
    rethrow_as_image_error(error);
  }
}

std::string processing_fingerprint() {
  return "zhuanlan-images 3 (fail on warning); libvips " + std::string(vips_version_string()) +
         "; jpeg q" + std::to_string(kWebJpegQuality) + " progressive, full q" + std::to_string(kFullJpegQuality) +
         "; webp q" + std::to_string(kWebpQuality) + " effort " + std::to_string(kWebpEffort) + "; png " +
         std::to_string(kPngCompression) + "; upright, srgb, stripped";
}

}  // namespace zhuanlan
