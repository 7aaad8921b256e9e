#pragma once
// Images named in content, made into ImageRefs: resolved inside content/,
// given their published address, and measured from their file's header, so
// that pages can write srcset, width and height while content is still
// being loaded (Markdown figures are rendered then).
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "load/image_probe.h"
#include "load/load_context.h"
#include "model/content.h"

namespace zhuanlan {

// What probe_image() found for each image of one load, by content path.
// Safe to use from several threads.
class ImageHeaders {
 public:
  std::optional<ImageFacts> probe(const std::filesystem::path& content_dir, const std::string& content_path,
                                  std::string* problem);

 private:
  struct Found {
    std::optional<ImageFacts> facts;
    std::string problem;
  };
  std::mutex mutex_;
  std::map<std::string, Found> found_;
};

// Resolves a path written in content (util/paths.h) inside context's
// content/ and describes the image (its header read once per load, through
// context.headers). On failure returns nullopt with a Chinese explanation in *error
// that reads after the word 图片, e.g. "找不到文件 content/a.jpg……" or
// " content/a.jpg 是空文件……".
std::optional<ImageRef> resolve_image(const LoadContext& context, std::string_view file_dir_in_content,
                                      std::string_view written, std::string* error);

}  // namespace zhuanlan
