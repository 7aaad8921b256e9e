#pragma once
// Images named in content, made into ImageRefs: resolved inside content/,
// given their published address, and measured from their file's header, so
// that pages can write srcset, width and height while content is still
// being loaded (Markdown figures are rendered then).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/content.h"

namespace zhuanlan {

// Resolves a path written in content (util/paths.h) and describes the
// image. On failure returns nullopt with a Chinese explanation in *error
// that reads after the word 图片, e.g. "找不到文件 content/a.jpg……" or
// " content/a.jpg 是空文件……".
std::optional<ImageRef> resolve_image(const std::filesystem::path& content_dir, std::string_view file_dir_in_content,
                                      std::string_view written, const ImageSettings& settings, std::string* error);

}  // namespace zhuanlan
