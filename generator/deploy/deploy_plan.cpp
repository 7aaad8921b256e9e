#include "deploy/deploy_plan.h"

#include <algorithm>
#include <set>

namespace zhuanlan {

bool is_page_file(const std::string& path) {
  auto ends_with = [&](const std::string& suffix) {
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".html") || ends_with(".htm") || ends_with(".xml");
}

DeployPlan plan_deploy(const std::vector<LocalFile>& local, const RemoteManifest& remote) {
  DeployPlan plan;
  std::set<std::string> built;
  for (const auto& file : local) {
    built.insert(file.path);
    const auto old = remote.find(file.path);
    if (old != remote.end() && old->second.sha256 == file.sha256 && old->second.size == file.size) {
      ++plan.unchanged;
      continue;
    }
    plan.uploads.push_back(PlannedUpload{file.path, file.size, file.sha256, is_page_file(file.path), old == remote.end()});
    plan.upload_bytes += file.size;
  }
  std::stable_sort(plan.uploads.begin(), plan.uploads.end(), [](const PlannedUpload& a, const PlannedUpload& b) {
    if (a.page != b.page) return !a.page;
    return a.path < b.path;
  });
  for (const auto& [path, entry] : remote) {
    if (built.count(path) == 0) plan.deletions.push_back(path);
  }
  return plan;
}

std::vector<std::string> upload_folders(const DeployPlan& plan) {
  std::set<std::string> folders;
  for (const auto& upload : plan.uploads) {
    for (std::size_t slash = upload.path.find('/'); slash != std::string::npos; slash = upload.path.find('/', slash + 1)) {
      folders.insert(upload.path.substr(0, slash + 1));
    }
  }
  // Sorted strings put "a/" before "a/b/": parents come first.
  return {folders.begin(), folders.end()};
}

std::optional<std::string> delete_guard(const DeployPlan& plan, std::size_t max_deletes, bool dry_run) {
  if (plan.deletions.size() <= max_deletes) return std::nullopt;
  const std::size_t n = plan.deletions.size();
  if (dry_run) {
    return "按这个计划要从服务器上删除 " + std::to_string(n) + " 个以前发布的文件，超过了上限 " + std::to_string(max_deletes) +
           " 个：正式发布时会停下，不做任何改动。请核对下面要删除的文件；确认无误后，发布时加上 --max-deletes " +
           std::to_string(n) + "。";
  }
  return "这次发布要从服务器上删除 " + std::to_string(n) + " 个以前发布的文件，超过了上限 " +
         std::to_string(max_deletes) +
         " 个，所以没有做任何改动。请先用 --dry-run 查看要删除哪些文件；确认无误后，加上 --max-deletes " +
         std::to_string(n) + " 重新运行。";
}

RemoteManifest manifest_before_uploads(const RemoteManifest& remote, const DeployPlan& plan) {
  RemoteManifest manifest = remote;
  for (const auto& upload : plan.uploads) manifest[upload.path] = ManifestEntry{upload.size, ""};
  return manifest;
}

RemoteManifest manifest_with_uploads(const RemoteManifest& before, const DeployPlan& plan, const std::vector<bool>& done) {
  RemoteManifest manifest = before;
  for (std::size_t i = 0; i < plan.uploads.size() && i < done.size(); ++i) {
    if (done[i]) manifest[plan.uploads[i].path] = ManifestEntry{plan.uploads[i].size, plan.uploads[i].sha256};
  }
  return manifest;
}

RemoteManifest manifest_after_deletions(const RemoteManifest& current, const std::vector<std::string>& deleted) {
  RemoteManifest manifest = current;
  for (const auto& path : deleted) manifest.erase(path);
  return manifest;
}

}  // namespace zhuanlan
