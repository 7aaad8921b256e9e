#include "model/site_images.h"

#include <algorithm>
#include <map>


namespace zhuanlan {

std::vector<SiteImage> collect_site_images(const SiteModel& model) {
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
  images.reserve(by_content.size());
  for (auto& [content_path, entry] : by_content) images.push_back(std::move(entry));
  return images;
}

}  // namespace zhuanlan
