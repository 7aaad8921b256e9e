#include "validate/image_checks.h"

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "model/image_variants.h"
#include "util/text.h"

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
                                 "例如 ![替代文字](" + image.content_path +
                                 " \"图片说明\")；新闻的封面请写 cover_caption，活动、成果的图片和校园导览站点的照片请写 \"caption\"");
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

void check_featured_photos(const SiteModel& model, const std::filesystem::path& content_dir, Diagnostics& diagnostics) {
  for (const FeaturedPhoto& photo : featured_photos(model, diagnostics)) {
    const ImageRef& image = photo.image;
    std::vector<std::string> problems;
    if (format_for_path(image.published_path) != ImageFormat::jpeg) problems.push_back("不是 JPG 格式");
    std::error_code ec;
    const auto bytes = static_cast<long long>(std::filesystem::file_size(content_dir / image.content_path, ec));
    if (!ec && bytes < kSubmissionMinBytes) problems.push_back("只有 " + megabytes(bytes) + "（不足 2 MB）");
    if (image.width > 0 && std::max(image.width, image.height) < kSubmissionMinLongSide) {
      problems.push_back("只有 " + std::to_string(image.width) + "×" + std::to_string(image.height) + " 像素（不足 " +
                         std::to_string(kSubmissionMinLongSide) + " 像素）");
    }
    if (problems.empty()) continue;
    diagnostics.warning(photo.item->source, photo.line,
                        "精选图片 content/" + image.content_path + " " + join(problems, "，") +
                            "。报送要求图片为 JPG 格式、不低于 2000 像素、单张不低于 2 MB，请换用相机或手机里的原图，"
                            "或给另一条有合格照片的新闻加上 featured: true");
  }
}

}  // namespace zhuanlan
