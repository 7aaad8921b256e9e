#include "model/featured_photos.h"

#include "model/site_images.h"

namespace zhuanlan {

namespace {

// A caption another page gives the photo (an activity's gallery, say).
std::string caption_elsewhere(const SiteModel& model, const std::string& content_path) {
  std::string caption;
  for_each_image(model, [&](const ImageRef& image, const std::string&) {
    if (caption.empty() && image.content_path == content_path) caption = image.caption;
  });
  return caption;
}

}  // namespace

std::vector<FeaturedPhoto> featured_photos(const SiteModel& model, Diagnostics& diagnostics) {
  std::vector<FeaturedPhoto> photos;
  // SiteModel::news is newest first; the bundle reads in the order of the week.
  for (auto it = model.news.rbegin(); it != model.news.rend(); ++it) {
    const NewsItem& item = *it;
    if (!item.featured) continue;
    if (item.images.empty()) {
      diagnostics.warning(item.source, item.lines.featured,
                          "这条新闻标记了 featured: true（精选图片），但没有封面和图片，报送材料中不会有它的图片");
      continue;
    }
    FeaturedPhoto photo{&item, item.cover ? *item.cover : item.images.front(), "",
                        item.cover ? item.lines.cover : item.lines.featured};
    // The caption the text gives the photo, else its alt text there (a
    // cover's own alt text is only the item's title).
    std::string caption = item.cover ? item.cover->caption : "", alt;
    for (std::size_t k = item.cover ? 1 : 0; k < item.images.size(); ++k) {
      const ImageRef& shown = item.images[k];
      if (shown.content_path != photo.image.content_path) continue;
      if (caption.empty()) caption = shown.caption;
      if (alt.empty()) alt = shown.alt;
    }
    if (caption.empty()) caption = caption_elsewhere(model, photo.image.content_path);
    photo.caption = caption.empty() ? alt : caption;
    if (photo.caption.empty()) {
      diagnostics.warning(item.source, photo.line,
                          "精选图片 content/" + photo.image.content_path +
                              " 没有图片说明，报送材料要求每张图片配文字说明。" +
                              (item.cover ? "请在 front matter 中写上 cover_caption: 图片说明"
                                          : "请在正文中以 ![替代文字](" + photo.image.content_path +
                                                " \"图片说明\") 的形式写上说明"));
    }
    photos.push_back(std::move(photo));
  }
  if (photos.size() != kFeaturedPhotoCount) {
    const std::string count = std::to_string(photos.size());
    const std::string wanted = std::to_string(kFeaturedPhotoCount);
    const std::string advice =
        photos.size() < kFeaturedPhotoCount
            ? "请再给 " + std::to_string(kFeaturedPhotoCount - photos.size()) + " 条有图片的新闻加上 featured: true"
            : "请去掉 " + std::to_string(photos.size() - kFeaturedPhotoCount) + " 条新闻的 featured: true";
    diagnostics.warning("content/news/", 0, "精选图片有 " + count + " 张，报送要求精选 " + wanted + " 张。" + advice);
  }
  return photos;
}

}  // namespace zhuanlan
