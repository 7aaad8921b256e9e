#pragma once
// The record of what zhuanlan has uploaded, kept on the server beside the
// site (.zhuanlan-deploy.json): path, size and SHA-256 of every file. A
// deploy sends only files whose record differs and deletes only files listed
// here, so files that others put in the folder are never touched.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace zhuanlan {

inline constexpr const char* kRemoteManifestName = ".zhuanlan-deploy.json";

struct ManifestEntry {
  std::uint64_t size = 0;
  // Empty while an upload of this path has been started but not confirmed:
  // the file may be there, half there or not there, so it is ours to
  // overwrite or delete, but never counted as up to date.
  std::string sha256;
  bool operator==(const ManifestEntry&) const = default;
};

// Site-relative path (news/a.html) -> entry.
using RemoteManifest = std::map<std::string, ManifestEntry>;

// Compact JSON, sorted by path: the same manifest gives the same bytes.
std::string manifest_json(const RemoteManifest& manifest);

// nullopt with a Chinese explanation in *error when the bytes are not a
// manifest, or when an entry names a path that could leave the site's
// folder (such an entry could make a deploy delete a file it never wrote).
std::optional<RemoteManifest> parse_manifest(std::string_view bytes, std::string* error);

// A path relative to the site's folder that stays inside it: not empty, no
// leading '/', no '.' or '..' segment, no backslash or control character.
bool safe_remote_path(std::string_view path);

}  // namespace zhuanlan
