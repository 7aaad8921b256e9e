#include "write/assets.h"

#include <algorithm>
#include <map>

#include "render/embedded_files.h"
#include "util/files.h"
#include "util/hash.h"

namespace zhuanlan {
namespace fs = std::filesystem;

std::string asset_key(const std::string& path_in_assets) {
  std::string key = path_in_assets;
  for (char& c : key) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) c = '_';
  }
  return key;
}

namespace {

std::string hashed_name(const std::string& source, const std::string& bytes) {
  const fs::path path(source);
  const std::string hash = sha256_hex(bytes).substr(0, 10);
  return (path.parent_path() / (path.stem().string() + "." + hash + path.extension().string())).generic_string();
}

// A stylesheet may point at other assets with url(...); those references
// must follow the hashed names.
void rewrite_css_urls(std::string& css, const std::string& css_source, const std::map<std::string, std::string>& published) {
  const fs::path css_dir = fs::path(css_source).parent_path();
  for (const auto& [source, target] : published) {
    const std::string relative = fs::path(source).lexically_relative(css_dir).generic_string();
    const std::string new_relative = fs::path(target).lexically_relative(css_dir).generic_string();
    for (const std::string& quote : {std::string(), std::string("\""), std::string("'")}) {
      const std::string from = "url(" + quote + relative + quote + ")";
      const std::string to = "url(" + quote + new_relative + quote + ")";
      for (std::size_t at = css.find(from); at != std::string::npos; at = css.find(from, at + to.size())) {
        css.replace(at, from.size(), to);
      }
    }
  }
}

}  // namespace

AssetSet collect_assets(const fs::path& site_dir) {
  std::map<std::string, std::string> sources;  // assets/... -> bytes; the site's own win
  for (const auto& file : embedded_files()) {
    if (file.path.rfind("assets/", 0) == 0) sources[std::string(file.path)] = std::string(file.bytes);
  }
  for (const auto& path : list_files(site_dir / "assets", "")) {
    if (auto bytes = read_file(path)) sources[path.lexically_relative(site_dir).generic_string()] = std::move(*bytes);
  }
  std::map<std::string, std::string> published;
  for (const auto& [source, bytes] : sources) {
    if (fs::path(source).extension() != ".css") published[source] = hashed_name(source, bytes);
  }
  AssetSet set;
  for (auto& [source, bytes] : sources) {
    if (fs::path(source).extension() == ".css") {
      rewrite_css_urls(bytes, source, published);
      published[source] = hashed_name(source, bytes);
    }
    set.files.push_back({source, published[source], bytes});
    set.paths[asset_key(source.substr(std::string("assets/").size()))] = published[source];
  }
  return set;
}

}  // namespace zhuanlan
