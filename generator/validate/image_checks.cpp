#include "validate/image_checks.h"

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "model/image_variants.h"

namespace zhuanlan {

namespace {

std::string megabytes(long long bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1'000'000);
  return text;
}

}  // namespace

void check_images(const std::vector<SiteImage>& images, const ImageSettings& settings,
                  const std::filesystem::path& content_dir, Diagnostics& diagnostics) {
  for (const auto& entry : images) {
    const ImageRef& image = entry.image;
    const std::string file = entry.used_by.empty() ? "" : entry.used_by.front();
    const std::string name = "图片 content/" + image.content_path;
    // The submission rules are about photos: not drawings, nor panoramas
    // (a tour's 360° views).
    const bool photo = !image.panorama && format_for_path(image.published_path) != ImageFormat::svg;
    if (photo && image.width > 0 && std::max(image.width, image.height) < kSubmissionMinLongSide) {
      diagnostics.warning(file, 0,
                          name + " 只有 " + std::to_string(image.width) + "×" + std::to_string(image.height) +
                              " 像素，报送材料要求图片长边不少于 " + std::to_string(kSubmissionMinLongSide) +
                              " 像素。如有相机或手机里的原图，请换用原图（网站会自动生成适合网页的小图）");
    }
    if (photo && !entry.captioned) {
      diagnostics.warning(file, 0,
                          name + " 没有图片说明，报送材料要求每张图片配文字说明。正文中的图片请在路径后加引号写说明，"
                                 "例如 ![替代文字](" + image.content_path + " \"图片说明\")；活动的图片请写 \"caption\"");
    }
    if (settings.max_bytes > 0) {
      std::error_code ec;
      const auto bytes = static_cast<long long>(std::filesystem::file_size(content_dir / image.content_path, ec));
      if (!ec && bytes > settings.max_bytes) {
        diagnostics.warning(file, 0,
                            name + " 有 " + megabytes(bytes) + "，超过了本站设定的 " + megabytes(settings.max_bytes) +
                                "（site.json 中的 images.max_bytes）。请用图片软件缩小或压缩后再放入 content/");
      }
    }
  }
}

}  // namespace zhuanlan
