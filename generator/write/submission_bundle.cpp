#include "write/submission_bundle.h"

#include <algorithm>

#include "model/site_images.h"
#include "util/dates.h"

namespace zhuanlan {

std::string bundle_file_name(std::size_t number) {
  return (number < 10 ? "0" : "") + std::to_string(number) + ".jpg";
}

std::string captions_text(const std::vector<FeaturedPhoto>& photos) {
  // With a byte order mark, so that older Windows editors read it as UTF-8.
  std::string text = "\xEF\xBB\xBF精选图片说明（共 " + std::to_string(photos.size()) + " 张）\r\n";
  for (std::size_t i = 0; i < photos.size(); ++i) {
    const FeaturedPhoto& photo = photos[i];
    text += "\r\n" + bundle_file_name(i + 1) + "\r\n";
    text += "图片说明：" + (photo.caption.empty() ? std::string("（未填写）") : photo.caption) + "\r\n";
    text += "新闻标题：" + photo.item->title + "\r\n";
    text += "日期：" + format_day_chinese(photo.item->day) + "\r\n";
    text += "摄影：" + (photo.item->photographer.empty() ? std::string("（未填写）") : photo.item->photographer) + "\r\n";
  }
  return text;
}

std::vector<std::string> write_submission_bundle(const PreparedSite& prepared, const ImageWork& work,
                                                 StagedOutput& output, Diagnostics& diagnostics) {
  const std::vector<FeaturedPhoto> photos = featured_photos(prepared.model, diagnostics);
  std::vector<SiteImage> images;
  for (const auto& photo : photos) {
    const auto it = std::find_if(prepared.images.begin(), prepared.images.end(), [&](const SiteImage& image) {
      return image.image.content_path == photo.image.content_path;
    });
    images.push_back(it != prepared.images.end() ? *it : SiteImage{photo.image, {photo.item->source}, false});
  }
  ImageStats stats;
  const auto copies = make_full_size_jpegs(images, work, stats, diagnostics);
  std::vector<std::string> files;
  if (diagnostics.has_errors()) return files;
  const std::string folder = std::string(kBundleFolder) + "/";
  for (std::size_t i = 0; i < copies.size(); ++i) {
    const std::string name = folder + bundle_file_name(i + 1);
    output.copy(*copies[i], name);
    files.push_back(name);
  }
  output.write(folder + kCaptionsFile, captions_text(photos));
  files.push_back(folder + kCaptionsFile);
  return files;
}

}  // namespace zhuanlan
