#include "util/paths.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "util/text.h"

namespace zhuanlan {
namespace fs = std::filesystem;

bool is_within(const fs::path& path, const fs::path& folder) {
  return std::mismatch(folder.begin(), folder.end(), path.begin(), path.end()).first == folder.end();
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::optional<ResolvedPath> resolve_content_path(const fs::path& content_dir, std::string_view file_dir_in_content,
                                                 std::string_view written, std::string* error) {
  const std::string shown(written);
  if (written.empty()) {
    *error = "路径为空，请填写 content/ 下的文件路径，例如 images/2025-05-13/a.jpg";
    return std::nullopt;
  }
  if (written.find("://") != std::string_view::npos || written.substr(0, 2) == "//") {
    *error = "“" + shown + "”是其他网站的地址。页面不能从其他网站加载图片，请把文件放进 content/images/ 并写相对路径";
    return std::nullopt;
  }
  if (written.front() == '/' || written.find('\\') != std::string_view::npos) {
    *error = "“" + shown + "”不是相对路径，请写相对于 content/ 的路径，例如 images/2025-05-13/a.jpg";
    return std::nullopt;
  }
  const std::string decoded = percent_decode(written);
  const bool relative_to_file = decoded.rfind("./", 0) == 0 || decoded.rfind("../", 0) == 0;
  fs::path relative = relative_to_file ? fs::path(std::string(file_dir_in_content)) / decoded : fs::path(decoded);
  relative = relative.lexically_normal();
  if (relative.empty() || *relative.begin() == ".." || relative.is_absolute()) {
    *error = "“" + shown + "”指向 content/ 文件夹之外，请把文件放进 content/ 并改写路径";
    return std::nullopt;
  }
  const fs::path absolute = content_dir / relative;
  std::error_code ec;
  if (!fs::is_regular_file(absolute, ec)) {
    *error = "找不到文件 content/" + relative.generic_string() + "（由“" + shown +
             "”得出），请检查文件名和大小写，或把文件放到这个位置";
    return std::nullopt;
  }
  // A symbolic link inside content/ must not lead out of it either.
  const fs::path real = fs::canonical(absolute, ec);
  const fs::path real_root = fs::canonical(content_dir, ec);
  if (ec || !is_within(real, real_root)) {
    *error = "“" + shown + "”通过链接指向 content/ 文件夹之外，请把文件本身放进 content/";
    return std::nullopt;
  }
  return ResolvedPath{relative.generic_string(), absolute};
}

std::string published_path_for(std::string_view content_relative) {
  std::string out;
  const fs::path path{std::string(content_relative)};
  for (auto it = path.begin(); it != path.end(); ++it) {
    const bool last = std::next(it) == path.end();
    std::string segment = it->string();
    std::string extension;
    if (last) {
      extension = it->extension().string();
      segment = it->stem().string();
      for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const bool plain = !segment.empty() && std::all_of(segment.begin(), segment.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
             c == '_' || c == '.';
    });
    if (!out.empty()) out += '/';
    out += plain ? segment : ascii_slug(segment);
    out += extension;
  }
  return out;
}

std::string root_prefix_for(std::string_view page_path) {
  std::string prefix;
  for (const char c : page_path) {
    if (c == '/') prefix += "../";
  }
  return prefix;
}

}  // namespace zhuanlan
