#include "load/image_refs.h"

#include <map>
#include <vector>

#include "load/image_probe.h"
#include "model/site_images.h"
#include "util/parallel.h"
#include "util/paths.h"

namespace zhuanlan {
namespace fs = std::filesystem;

std::optional<ImageRef> resolve_image(const fs::path& content_dir, std::string_view file_dir_in_content,
                                      std::string_view written, const ImageSettings& settings, std::string* error) {
  const auto resolved = resolve_content_path(content_dir, file_dir_in_content, written, error);
  if (!resolved) return std::nullopt;
  ImageRef image;
  image.content_path = resolved->content_relative;
  image.published_path = published_path_for(resolved->content_relative);
  if (!describe_image(image, content_dir, settings, error)) return std::nullopt;
  return image;
}

bool describe_image(ImageRef& image, const fs::path& content_dir, const ImageSettings& settings, std::string* error) {
  std::string problem;
  const auto facts = probe_image(content_dir / image.content_path, &problem);
  if (!facts) {
    *error = " content/" + image.content_path + " " + problem;
    return false;
  }
  image.width = facts->width;
  image.height = facts->height;
  image.original_published = settings.publish_originals;
  return true;
}

void describe_images(Content& content, const fs::path& content_dir, Diagnostics& diagnostics) {
  struct Pending {
    ImageRef described;
    std::string first_user;
    std::string error;
  };
  std::map<std::string, Pending> pending;  // content path -> result
  for_each_image(content, [&](ImageRef& image, const std::string& source) {
    if (image.width == 0) pending.try_emplace(image.content_path, Pending{image, source, ""});
  });
  std::vector<Pending*> work;
  for (auto& [path, entry] : pending) work.push_back(&entry);
  parallel_for(work.size(), [&](std::size_t i) {
    describe_image(work[i]->described, content_dir, content.site.images, &work[i]->error);
  });
  for (const auto& [path, entry] : pending) {
    if (!entry.error.empty()) diagnostics.error(entry.first_user, 0, "图片" + entry.error);
  }
  for_each_image(content, [&](ImageRef& image, const std::string&) {
    const auto it = pending.find(image.content_path);
    if (image.width != 0 || it == pending.end() || !it->second.error.empty()) return;
    image.width = it->second.described.width;
    image.height = it->second.described.height;
    image.original_published = it->second.described.original_published;
  });
}

}  // namespace zhuanlan
