#include "deploy/deploy_run.h"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>

#include "deploy/local_files.h"
#include "deploy/remote_manifest.h"
#include "deploy/transport.h"
#include "load/site_config.h"
#include "util/files.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "write/build_site.h"
#include "write/staged_output.h"

namespace zhuanlan {
namespace {

const std::string kSiteJson = "content/site.json";
// Messages about the deploy itself (not about a file) are shown as 发布：….
const std::string kStep = "发布";

// libcurl's global state, set up for the length of one deploy.
struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

// Runs an operation up to attempts times while it fails in a way worth
// another try, waiting a little longer each time.
template <typename Operation>
TransferResult with_retries(int attempts, Operation operation) {
  TransferResult result;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    result = operation();
    if (result.status != TransferStatus::failed || attempt == attempts) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(500 * attempt));
  }
  return result;
}

// What the workers of one deploy share.
struct Run {
  Run(const DeployOptions& o, const DeployTarget& t, const DeploySecrets& s, const std::filesystem::path& out, DeployResult& r)
      : options(o), target(t), secrets(s), out_dir(out), result(r) {}
  const DeployOptions& options;
  const DeployTarget& target;
  const DeploySecrets& secrets;
  const std::filesystem::path& out_dir;
  DeployResult& result;
  std::mutex mutex;
  std::atomic<bool> stop{false};
  bool interrupted = false;  // stop_after_uploads reached: act as if killed
  std::size_t done = 0, total = 0;
  // One transport (one connection) per worker, kept from phase to phase: a
  // login costs more than sending a page. pool[0] also reads and writes the
  // manifest, between the phases.
  std::vector<std::unique_ptr<Transport>> pool;

  // For parallel_for_with_state: each worker of a phase takes its own.
  auto transports() {
    return [this, slot = std::make_shared<std::atomic<std::size_t>>(0)] { return pool[(*slot)++ % pool.size()].get(); };
  }

  void progress(const std::string& path) {
    if (!options.on_progress) return;
    options.on_progress(DeployProgress{done, total, path});
  }

  void fail(const TransferResult& failure) {
    std::lock_guard<std::mutex> lock(mutex);
    result.diagnostics.error(kStep, 0, failure.message);
    stop = true;
  }
};

bool save_manifest(Transport& transport, Run& run, const RemoteManifest& manifest) {
  const std::string bytes = manifest_json(manifest);
  const TransferResult saved = with_retries(run.options.attempts, [&] {
    return transport.put(kRemoteManifestName, UploadBody{bytes, sha256_hex(bytes)});
  });
  if (!saved.ok()) {
    run.result.diagnostics.error(kStep, 0, "无法在服务器上保存发布记录 " + std::string(kRemoteManifestName) + "：" + saved.message);
  }
  return saved.ok();
}

// Uploads plan.uploads[i] for each i in indices, a few at a time; done[i]
// records each that arrived.
void upload_all(Run& run, const std::vector<std::size_t>& indices, std::vector<bool>& done) {
  const DeployPlan& plan = run.result.plan;
  parallel_for_with_state(
      indices.size(), run.transports(),
      [&](Transport* transport, std::size_t n) {
        if (run.stop) return;
        const PlannedUpload& upload = plan.uploads[indices[n]];
        const auto bytes = read_file(run.out_dir / upload.path);
        if (!bytes || sha256_hex(*bytes) != upload.sha256) {
          run.fail({TransferStatus::refused, "文件 " + (run.out_dir / upload.path).string() +
                                                 " 在发布过程中被改动或删除了。请等构建结束后重新发布。"});
          return;
        }
        const TransferResult sent = with_retries(run.options.attempts, [&] {
          return transport->put(upload.path, UploadBody{*bytes, upload.sha256});
        });
        if (!sent.ok()) {
          run.fail(sent);
          return;
        }
        std::lock_guard<std::mutex> lock(run.mutex);
        done[indices[n]] = true;
        ++run.result.uploaded;
        run.result.bytes_sent += upload.size;
        ++run.done;
        run.progress(upload.path);
        if (run.options.stop_after_uploads > 0 && run.result.uploaded >= run.options.stop_after_uploads) {
          run.interrupted = true;
          run.stop = true;
        }
      },
      run.options.connections);
}

std::vector<std::string> delete_all(Run& run) {
  const auto& deletions = run.result.plan.deletions;
  std::vector<char> deleted(deletions.size(), 0);
  parallel_for_with_state(
      deletions.size(), run.transports(),
      [&](Transport* transport, std::size_t i) {
        if (run.stop) return;
        const TransferResult removed = with_retries(run.options.attempts, [&] { return transport->remove(deletions[i]); });
        if (!removed.ok()) {
          run.fail(removed);
          return;
        }
        std::lock_guard<std::mutex> lock(run.mutex);
        deleted[i] = 1;
        ++run.result.deleted;
        ++run.done;
        run.progress(deletions[i]);
      },
      run.options.connections);
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < deletions.size(); ++i) {
    if (deleted[i] != 0) paths.push_back(deletions[i]);
  }
  return paths;
}

std::optional<DeployTarget> chosen_target(const DeployOptions& options, const SiteConfig& site, Diagnostics& diagnostics) {
  std::string error;
  const std::string& url = options.to_url.empty() ? site.deploy.url : options.to_url;
  auto target = parse_deploy_target(url, site.deploy.endpoint, site.deploy.region, &error);
  if (!target) {
    if (options.to_url.empty()) diagnostics.error(kSiteJson, site.deploy.line, error);
    else diagnostics.error("", 0, "--to：" + error);
  }
  return target;
}

}  // namespace

DeployResult run_deploy(const DeployOptions& options) {
  DeployResult result;
  Diagnostics& diagnostics = result.diagnostics;
  const auto site = load_site_config(options.site_dir, "", diagnostics);
  if (!site) return result;
  const auto target = chosen_target(options, *site, diagnostics);
  if (!target) return result;
  result.target = target->shown;

  const std::filesystem::path out_dir = options.out_dir.empty() ? options.site_dir / "public" : options.out_dir;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(out_dir / StagedOutput::kMarker, ec)) {
    diagnostics.error(kStep, 0, "文件夹 " + out_dir.string() + " 不是 zhuanlan 生成的网站（或者还没有生成）。请先运行 zhuanlan build，"
                             "或用 --out 指定构建时的输出文件夹。");
    return result;
  }
  if (built_with_drafts(out_dir)) {
    diagnostics.error(kStep, 0, "文件夹 " + out_dir.string() + " 是用 --drafts 生成的内部预览，含草稿和还没到发布时间的定时新闻，"
                             "不能发布到网站服务器上，这次没有做任何改动。请先不加 --drafts 重新运行 zhuanlan build，再发布"
                             "（或直接运行 zhuanlan publish）。");
    return result;
  }
  const DeploySecrets secrets = deploy_secrets(options.getenv ? options.getenv : EnvironmentLookup(&std::getenv));
  if (const std::string missing = missing_credentials(*target, secrets); !missing.empty()) {
    diagnostics.error(kStep, 0, missing + "。");
    return result;
  }
  if (target->protocol == DeployProtocol::ftp && !is_loopback_host(target->host)) {
    diagnostics.warning(kStep, 0, "FTP 不加密，密码和文件都以明文传输。如果服务器支持，请改用 sftp:// 或 ftps://。");
  }
  std::string error;
  const auto local = list_local_files(out_dir, &error);
  if (!local) {
    diagnostics.error(kStep, 0, error);
    return result;
  }

  CurlGlobal curl;
  Run run(options, *target, secrets, out_dir, result);
  for (unsigned i = 0; i < std::max(options.connections, 1u); ++i) run.pool.push_back(make_transport(*target, secrets));
  Transport* transport = run.pool.front().get();
  std::string manifest_bytes;
  const TransferResult fetched =
      with_retries(options.attempts, [&] {
        manifest_bytes.clear();
        return transport->fetch(kRemoteManifestName, &manifest_bytes);
      });
  RemoteManifest remote;
  if (fetched.status == TransferStatus::not_found) {
    result.first_deploy = true;
  } else if (!fetched.ok()) {
    diagnostics.error(kStep, 0, fetched.message + " 这次没有做任何改动。");
    return result;
  } else if (auto parsed = parse_manifest(manifest_bytes, &error)) {
    remote = std::move(*parsed);
  } else {
    diagnostics.error(kStep, 0, "服务器上的发布记录 " + std::string(kRemoteManifestName) + " " + error +
                                 "。为安全起见，这次没有做任何改动。请在服务器上删除这个文件后再发布："
                                 "所有文件会重新上传，但以前发布、现在已不需要的文件不会被自动删除。");
    return result;
  }

  result.plan = plan_deploy(*local, remote);
  const DeployPlan& plan = result.plan;
  if (const auto stop = delete_guard(plan, options.max_deletes, options.dry_run)) {
    if (options.dry_run) {
      diagnostics.warning(kStep, 0, *stop);
    } else {
      result.guard_stopped = true;
      diagnostics.error(kStep, 0, *stop);
      return result;
    }
  }
  if (options.dry_run || (plan.uploads.empty() && plan.deletions.empty())) {
    result.ok = true;
    return result;
  }

  run.total = plan.uploads.size() + plan.deletions.size();
  RemoteManifest current = remote;
  if (!plan.uploads.empty()) {
    // Recorded before anything is sent: every file this deploy may write
    // is then known to the next one, even if this one is killed.
    if (const TransferResult made = transport->make_folders(upload_folders(plan)); !made.ok()) {
      diagnostics.error(kStep, 0, made.message);
      return result;
    }
    current = manifest_before_uploads(remote, plan);
    if (!save_manifest(*transport, run, current)) return result;
    std::vector<bool> done(plan.uploads.size(), false);
    // Assets and images first, then the pages that show them.
    for (const bool pages : {false, true}) {
      std::vector<std::size_t> indices;
      for (std::size_t i = 0; i < plan.uploads.size(); ++i) {
        if (plan.uploads[i].page == pages) indices.push_back(i);
      }
      if (indices.empty()) continue;
      upload_all(run, indices, done);
      if (run.interrupted) return result;
      current = manifest_with_uploads(current, plan, done);
      if (!save_manifest(*transport, run, current) || run.stop) return result;
    }
  }
  if (!plan.deletions.empty()) {
    const std::vector<std::string> deleted = delete_all(run);
    current = manifest_after_deletions(current, deleted);
    if (!save_manifest(*transport, run, current) || run.stop) return result;
  }
  result.ok = true;
  return result;
}

}  // namespace zhuanlan
