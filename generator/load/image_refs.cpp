#include "load/image_refs.h"

#include "util/paths.h"

namespace zhuanlan {
namespace fs = std::filesystem;

std::optional<ImageFacts> ImageHeaders::probe(const fs::path& content_dir, const std::string& content_path,
                                              std::string* problem) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = found_.find(content_path); it != found_.end()) {
      *problem = it->second.problem;
      return it->second.facts;
    }
  }
  // Read outside the lock: two threads may read the same header at once,
  // which costs a little and gives the same answer.
  Found found;
  found.facts = probe_image(content_dir / content_path, &found.problem);
  *problem = found.problem;
  std::lock_guard<std::mutex> lock(mutex_);
  found_.emplace(content_path, found);
  return found.facts;
}

std::optional<ImageRef> resolve_image(const LoadContext& context, std::string_view file_dir_in_content,
                                      std::string_view written, std::string* error) {
  const fs::path content_dir = context.content_dir();
  const auto resolved = resolve_content_path(content_dir, file_dir_in_content, written, error);
  if (!resolved) return std::nullopt;
  std::string problem;
  const auto facts = context.headers.probe(content_dir, resolved->content_relative, &problem);
  if (!facts) {
    *error = " content/" + resolved->content_relative + " " + problem;
    return std::nullopt;
  }
  ImageRef image;
  image.content_path = resolved->content_relative;
  image.published_path = published_path_for(resolved->content_relative);
  image.width = facts->width;
  image.height = facts->height;
  image.original_published = context.site.images.publish_originals;
  return image;
}

}  // namespace zhuanlan
