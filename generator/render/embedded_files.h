#pragma once
// The layouts/ and assets/ that ship inside the program (see embed_files.cmake).
#include <string_view>
#include <vector>

namespace zhuanlan {

struct EmbeddedFile {
  std::string_view path;   // layouts/base.mustache, assets/style.css
  std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace zhuanlan
