#include "serve/request_path.h"

#include <system_error>

#include "util/paths.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

// A segment no published file has: "..", ".", hidden names (the output's
// own marker file), empty segments ("a//b"), back slashes and NUL bytes.
bool safe_segment(std::string_view segment) {
  return !segment.empty() && segment.front() != '.' && segment.find('\\') == std::string_view::npos &&
         segment.find('\0') == std::string_view::npos;
}

bool safe_relative_path(std::string_view relative) {
  std::size_t start = 0;
  while (start < relative.size()) {
    const std::size_t end = std::min(relative.find('/', start), relative.size());
    if (!safe_segment(relative.substr(start, end - start))) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

RequestTarget resolve_request(std::string_view path, std::string_view base_path, const fs::path& folder) {
  RequestTarget target;
  if (base_path != "/" && (path == "/" || path == base_path.substr(0, base_path.size() - 1))) {
    target.kind = RequestKind::redirect;
    target.location = std::string(base_path);
    return target;
  }
  if (path.substr(0, base_path.size()) != base_path) return target;  // not_found
  const std::string_view relative = path.substr(base_path.size());
  if (!safe_relative_path(relative)) {
    target.kind = RequestKind::refused;
    return target;
  }
  std::error_code ec;
  fs::path file = folder / std::string(relative);
  if (fs::is_directory(file, ec)) {
    if (!relative.empty() && relative.back() != '/') {
      target.kind = RequestKind::redirect;
      target.location = std::string(path) + "/";
      return target;
    }
    file /= "index.html";
  }
  const fs::path real = fs::canonical(file, ec);
  if (ec) return target;  // not_found
  const fs::path real_folder = fs::canonical(folder, ec);
  if (ec || !is_within(real, real_folder)) {
    target.kind = RequestKind::refused;
    return target;
  }
  if (!fs::is_regular_file(real, ec)) return target;
  target.kind = RequestKind::file;
  target.file = file;
  return target;
}

}  // namespace zhuanlan
