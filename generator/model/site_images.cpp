#include "model/site_images.h"

#include <algorithm>
#include <map>

#include "model/image_variants.h"

namespace zhuanlan {

std::vector<SiteImage> collect_site_images(const SiteModel& model, Diagnostics& diagnostics) {
  std::map<std::string, SiteImage> by_content;
  for_each_image(model, [&](const ImageRef& image, const std::string& source) {
    auto [it, inserted] = by_content.try_emplace(image.content_path);
    SiteImage& entry = it->second;
    if (inserted) entry.image = image;
    if (std::find(entry.used_by.begin(), entry.used_by.end(), source) == entry.used_by.end()) {
      entry.used_by.push_back(source);
    }
    entry.captioned = entry.captioned || !image.caption.empty();
  });
  std::vector<SiteImage> images;
  std::map<std::string, std::string> owner;  // published file -> content path
  for (auto& [content_path, entry] : by_content) {
    std::vector<std::string> files{entry.image.published_path};
    for (const auto& variant : web_variants(entry.image)) files.push_back(variant.path);
    if (entry.image.original_published) files.push_back(original_path(entry.image));
    for (const auto& file : files) {
      const auto [it, inserted] = owner.emplace(file, content_path);
      if (!inserted && it->second != content_path) {
        diagnostics.error(entry.used_by.front(), 0,
                          "图片 content/" + content_path + " 与 content/" + it->second + " 发布后的文件名相同（" + file +
                              "；文件名只有大小写、中文字符或扩展名不同，或者一个是另一个的缩小版名称），请给其中一个改名");
        break;
      }
    }
    images.push_back(std::move(entry));
  }
  return images;
}

}  // namespace zhuanlan
