#pragma once
// What a deploy does, worked out before anything is sent: from the built
// files and the server's manifest, the uploads and the deletions. Pure: no
// files, no network.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "deploy/local_files.h"
#include "deploy/remote_manifest.h"

namespace zhuanlan {

struct PlannedUpload {
  std::string path;
  std::uint64_t size = 0;
  std::string sha256;
  bool page = false;  // HTML, feeds and the sitemap: sent after the files they show
  bool is_new = false;  // not on the server before (by the manifest)
};

struct DeployPlan {
  // Assets and images first, then pages, each group sorted by path, so a
  // visitor never meets a page whose picture or style is not there yet.
  std::vector<PlannedUpload> uploads;
  // Files zhuanlan uploaded before that the build no longer has. Only paths
  // from the manifest: a file that others put on the server is never listed.
  std::vector<std::string> deletions;
  std::size_t unchanged = 0;
  std::uint64_t upload_bytes = 0;
};

// A page is what links to other files: HTML, and the feed and sitemap (XML).
bool is_page_file(const std::string& path);

DeployPlan plan_deploy(const std::vector<LocalFile>& local, const RemoteManifest& remote);

// The folders the uploads need, parents before children ("news/",
// "news/2025/"), for servers that must be told to make them (WebDAV).
std::vector<std::string> upload_folders(const DeployPlan& plan);

// The delete guard: a Chinese message when the plan deletes more than
// max_deletes files (a build into the wrong folder, a content folder gone),
// saying how to allow it; nullopt when the plan may run. For a dry run the
// message says that the real run would stop.
std::optional<std::string> delete_guard(const DeployPlan& plan, std::size_t max_deletes, bool dry_run = false);

// The manifest to store at each step of a deploy, so that a deploy stopped
// anywhere, run again, finishes the job and still knows every file it may
// have written:
// before the first upload: the old records, with every planned upload
// marked unconfirmed;
RemoteManifest manifest_before_uploads(const RemoteManifest& remote, const DeployPlan& plan);
// after some uploads: those confirmed (done[i] for plan.uploads[i]);
RemoteManifest manifest_with_uploads(const RemoteManifest& before, const DeployPlan& plan, const std::vector<bool>& done);
// at the end: what the deletions left.
RemoteManifest manifest_after_deletions(const RemoteManifest& current, const std::vector<std::string>& deleted);

}  // namespace zhuanlan
