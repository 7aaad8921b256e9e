#include "deploy/local_files.h"

#include <algorithm>

#include "deploy/remote_manifest.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "write/staged_output.h"

namespace zhuanlan {

std::optional<std::vector<LocalFile>> list_local_files(const std::filesystem::path& out_dir, std::string* error) {
  std::vector<LocalFile> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(out_dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string path = it->path().lexically_relative(out_dir).generic_string();
    if (path == StagedOutput::kMarker) continue;
    if (!safe_remote_path(path) || path == kRemoteManifestName) {
      *error = "输出文件夹中的文件名“" + path + "”无法发布，请改名后重新构建";
      return std::nullopt;
    }
    files.push_back(LocalFile{path, static_cast<std::uint64_t>(it->file_size(ec)), ""});
  }
  if (ec) {
    *error = "无法读取输出文件夹 " + out_dir.string() + "：" + ec.message();
    return std::nullopt;
  }
  std::sort(files.begin(), files.end(), [](const LocalFile& a, const LocalFile& b) { return a.path < b.path; });
  std::vector<char> unreadable(files.size(), 0);
  parallel_for(files.size(), [&](std::size_t i) {
    auto hash = sha256_file_hex(out_dir / files[i].path);
    if (hash) files[i].sha256 = std::move(*hash);
    else unreadable[i] = 1;
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (unreadable[i] != 0) {
      *error = "无法读取 " + (out_dir / files[i].path).string() + "，请检查文件权限";
      return std::nullopt;
    }
  }
  return files;
}

}  // namespace zhuanlan
