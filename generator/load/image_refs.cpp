#include "load/image_refs.h"

#include "load/image_probe.h"
#include "util/paths.h"

namespace zhuanlan {
namespace fs = std::filesystem;

std::optional<ImageRef> resolve_image(const fs::path& content_dir, std::string_view file_dir_in_content,
                                      std::string_view written, const ImageSettings& settings, std::string* error) {
  const auto resolved = resolve_content_path(content_dir, file_dir_in_content, written, error);
  if (!resolved) return std::nullopt;
  std::string problem;
  const auto facts = probe_image(content_dir / resolved->content_relative, &problem);
  if (!facts) {
    *error = " content/" + resolved->content_relative + " " + problem;
    return std::nullopt;
  }
  ImageRef image;
  image.content_path = resolved->content_relative;
  image.published_path = published_path_for(resolved->content_relative);
  image.width = facts->width;
  image.height = facts->height;
  image.original_published = settings.publish_originals;
  return image;
}

}  // namespace zhuanlan
