#include "load/image_probe.h"

#include <vips/vips8>

#include <system_error>

#include "util/files.h"
#include "util/svg_cleaning.h"
#include "util/vips_runtime.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

// The format's name as users know it, from the libvips loader that
// recognised the file.
std::string format_name(const std::string& loader) {
  const std::pair<const char*, const char*> names[] = {
      {"jpeg", "JPEG"}, {"png", "PNG"}, {"webp", "WebP"}, {"gif", "GIF"}, {"heif", "HEIC/AVIF"},
      {"tiff", "TIFF"}, {"svg", "SVG"}, {"pdf", "PDF"},   {"jp2k", "JPEG 2000"}, {"jxl", "JPEG XL"}};
  for (const auto& [prefix, name] : names) {
    if (loader.rfind(prefix, 0) == 0) return name;
  }
  return "";
}

std::optional<ImageFormat> format_of_loader(const std::string& loader) {
  if (loader.rfind("jpeg", 0) == 0) return ImageFormat::jpeg;
  if (loader.rfind("png", 0) == 0) return ImageFormat::png;
  if (loader.rfind("svg", 0) == 0) return ImageFormat::svg;
  return std::nullopt;
}

// Opens the file's header and names the loader that read it. The loaders
// of the three formats the site publishes are asked first, one by one:
// letting libvips ask every loader it has costs three times as much per
// file (OpenSlide's, for one, opens the file with its own library and
// queries SQLite), and every image of every page is probed while loading.
// Anything else goes to libvips' full search, with its optional modules
// loaded (HEIF among them), to name its format.
vips::VImage open_header(const fs::path& file, std::string* loader) {
  auto* options = vips::VImage::option()->set("access", VIPS_ACCESS_SEQUENTIAL);
  if (vips_foreign_is_a("jpegload", file.c_str())) {
    *loader = "jpegload";
    return vips::VImage::jpegload(file.c_str(), options);
  }
  if (vips_foreign_is_a("pngload", file.c_str())) {
    *loader = "pngload";
    return vips::VImage::pngload(file.c_str(), options);
  }
  if (vips_foreign_is_a("svgload", file.c_str())) {
    *loader = "svgload";
    return vips::VImage::svgload(file.c_str(), options);
  }
  load_vips_modules();
  vips::VImage image = vips::VImage::new_from_file(file.c_str(), options);
  *loader = image.get_typeof("vips-loader") != 0 ? image.get_string("vips-loader") : "";
  return image;
}

// Why a file that looks like an SVG cannot be read: where its XML breaks,
// as libxml2 finds it.
std::string svg_problem(const fs::path& file) {
  SvgProblem problem;
  const auto bytes = read_file(file);
  if (bytes && !clean_svg(*bytes, &problem)) {
    return (problem.line > 0 ? "第 " + std::to_string(problem.line) + " 行：" : std::string()) + problem.detail;
  }
  return "是无法读取的 SVG 矢量图（可能已经损坏）。请用绘图软件重新导出为 SVG，或另存为 PNG";
}

}  // namespace

std::optional<ImageFacts> probe_image(const fs::path& file, std::string* error) {
  std::error_code ec;
  const auto bytes = fs::file_size(file, ec);
  if (ec) {
    *error = "无法读取，请检查文件权限";
    return std::nullopt;
  }
  if (bytes == 0) {
    *error = "是空文件（0 字节），可能没有复制完整。请重新复制或导出这张图片";
    return std::nullopt;
  }
  start_vips();
  std::string loader;
  ImageFacts facts;
  try {
    const vips::VImage image = open_header(file, &loader);
    facts.width = image.width();
    facts.height = image.height();
    const int orientation = image.get_typeof(VIPS_META_ORIENTATION) != 0 ? image.get_int(VIPS_META_ORIENTATION) : 1;
    if (orientation >= 5 && orientation <= 8) std::swap(facts.width, facts.height);  // turned a quarter
  } catch (const vips::VError&) {
    vips_error_clear();  // libvips keeps its messages until cleared: they would reach the next error
    *error = loader == "svgload" ? svg_problem(file)
                                 : "不是能识别的图片文件（可能已经损坏，或者不是图片）。请用看图软件打开检查，并另存为 JPG";
    return std::nullopt;
  }
  const auto format = format_of_loader(loader);
  const std::string extension = file.extension().string();
  if (!format) {
    const std::string name = format_name(loader);
    *error = (name.empty() ? std::string("的格式不受支持") : "是 " + name + " 格式") +
             "：网站只发布 JPG 和 PNG 图片（以及 SVG 矢量图）。请用图片软件另存为 JPG";
    return std::nullopt;
  }
  const auto named = format_for_path(extension);
  if (named != format) {
    const std::string right = "." + std::string(file_extension(*format));
    *error = "的扩展名是“" + extension + "”，内容却是 " + format_name(loader) + " 图片。请把扩展名改为 " + right +
             "，或用图片软件另存为 JPG";
    return std::nullopt;
  }
  facts.format = *format;
  if (*format == ImageFormat::svg) return facts;  // drawn at any size, never decoded here
  if (std::max(facts.width, facts.height) > kMaxImageSide ||
      static_cast<long long>(facts.width) * facts.height > kMaxImagePixels) {
    *error = "有 " + std::to_string(facts.width) + "×" + std::to_string(facts.height) +
             " 像素，超过了能处理的上限（长边 " + std::to_string(kMaxImageSide) + " 像素、共 " +
             std::to_string(kMaxImagePixels / 1'000'000) +
             " 百万像素）。请先用图片软件缩小，长边 4000 像素左右对网页和报送都已足够";
    return std::nullopt;
  }
  return facts;
}

}  // namespace zhuanlan
