#include "deploy/remote_manifest.h"

#include <nlohmann/json.hpp>

namespace zhuanlan {
namespace {

constexpr const char* kFormat = "zhuanlan-deploy 1";

bool is_hex_sha256(const std::string& text) {
  if (text.size() != 64) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

bool safe_remote_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = path.find('/', start);
    const std::string_view segment = path.substr(start, slash == std::string_view::npos ? path.size() - start : slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  for (const char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '\\') return false;
  }
  return true;
}

std::string manifest_json(const RemoteManifest& manifest) {
  nlohmann::json files = nlohmann::json::array();
  for (const auto& [path, entry] : manifest) {
    files.push_back({{"path", path}, {"size", entry.size}, {"sha256", entry.sha256}});
  }
  return nlohmann::json{{"format", kFormat}, {"files", files}}.dump() + "\n";
}

std::optional<RemoteManifest> parse_manifest(std::string_view bytes, std::string* error) {
  const auto doc = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("format", "") != kFormat || !doc.contains("files") ||
      !doc["files"].is_array()) {
    *error = "不是 zhuanlan 的发布记录，或者已经损坏";
    return std::nullopt;
  }
  RemoteManifest manifest;
  for (const auto& file : doc["files"]) {
    if (!file.is_object() || !file.contains("path") || !file["path"].is_string() || !file.contains("size") ||
        !file["size"].is_number_unsigned() || !file.contains("sha256") || !file["sha256"].is_string()) {
      *error = "有一条记录缺少 path、size 或 sha256";
      return std::nullopt;
    }
    const std::string path = file["path"].get<std::string>();
    const std::string sha = file["sha256"].get<std::string>();
    if (!safe_remote_path(path) || path == kRemoteManifestName) {
      *error = "记录中的路径“" + path + "”会指向站点文件夹以外";
      return std::nullopt;
    }
    if (!sha.empty() && !is_hex_sha256(sha)) {
      *error = "记录中“" + path + "”的 sha256 不对";
      return std::nullopt;
    }
    manifest[path] = ManifestEntry{file["size"].get<std::uint64_t>(), sha};
  }
  return manifest;
}

}  // namespace zhuanlan
