#include "serve/serve_site.h"

#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <random>
#include <stdexcept>

#include "load/site_config.h"
#include "serve/file_watcher.h"
#include "serve/http_server.h"
#include "serve/live_reload.h"
#include "write/staged_output.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

// Saves closer together than this are one change: editors write a file in
// several steps, and "save all" writes many.
constexpr std::chrono::milliseconds kQuietTime{100};
// A stream of saves that never pauses still gets a rebuild this often.
constexpr std::chrono::milliseconds kLongestWait{2000};

const std::vector<std::string> kWatchedFolders = {"content", "layouts", "assets"};

std::string new_session() {
  std::random_device random;
  char text[17];
  std::snprintf(text, sizeof text, "%08x%08x", random(), random());
  return text;
}

std::string seconds_since(Clock::time_point started) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", std::chrono::duration<double>(Clock::now() - started).count());
  return text;
}

std::vector<std::string> diagnostic_lines(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : sorted(diagnostics)) lines.push_back(format_diagnostic(d));
  return lines;
}

// SIGINT (Ctrl+C) and SIGTERM as a file descriptor the watcher waits on;
// blocked before any thread starts, so that every thread inherits the mask
// and none is interrupted. SIGPIPE is ignored: a page closed mid-send.
class StopSignals {
 public:
  StopSignals() {
    ::signal(SIGPIPE, SIG_IGN);
    sigemptyset(&mask_);
    sigaddset(&mask_, SIGINT);
    sigaddset(&mask_, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &mask_, &previous_);
    fd_ = ::signalfd(-1, &mask_, SFD_CLOEXEC | SFD_NONBLOCK);
  }
  ~StopSignals() {
    // Taken, so that unblocking does not deliver them again.
    signalfd_siginfo taken;
    while (fd_ >= 0 && ::read(fd_, &taken, sizeof taken) == static_cast<ssize_t>(sizeof taken)) {
    }
    if (fd_ >= 0) ::close(fd_);
    ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int fd() const { return fd_; }

 private:
  sigset_t mask_{}, previous_{};
  int fd_ = -1;
};

struct BuildOutcome {
  bool ok = false;
  std::vector<std::string> lines;  // every diagnostic, as printed
};

BuildOutcome build_preview(const BuildOptions& options) {
  const BuildResult result = build_site(options);
  BuildOutcome outcome{result.ok, diagnostic_lines(result.diagnostics)};
  for (const std::string& line : outcome.lines) std::cerr << line << '\n';
  return outcome;
}

std::string change_summary(const std::vector<std::string>& changed) {
  std::string text = changed.front();
  if (changed.size() > 1) text += " 等 " + std::to_string(changed.size()) + " 个文件";
  return text;
}

// Collects one burst of saves: the first change, then whatever follows
// within the quiet time.
std::optional<std::vector<std::string>> next_burst(FileWatcher& watcher) {
  WatchResult first = watcher.wait(std::nullopt);
  while (true) {
    if (!first.notice.empty()) std::cout << first.notice << std::endl;
    if (first.stopped) return std::nullopt;
    if (!first.changed.empty()) break;
    first = watcher.wait(std::nullopt);
  }
  std::vector<std::string> changed = std::move(first.changed);
  const auto started = Clock::now();
  while (Clock::now() - started < kLongestWait) {
    WatchResult more = watcher.wait(kQuietTime);
    if (!more.notice.empty()) std::cout << more.notice << std::endl;
    if (more.stopped) return std::nullopt;
    if (more.changed.empty()) break;
    changed.insert(changed.end(), more.changed.begin(), more.changed.end());
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

}  // namespace

int serve_site(const ServeOptions& options) {
  const fs::path site_dir = options.build.site_dir.empty() ? fs::path(".") : options.build.site_dir;
  BuildOptions build = options.build;
  build.site_dir = site_dir;
  build.out_dir = preview_output_dir(site_dir);

  Diagnostics config_problems;
  const std::optional<SiteConfig> config = load_site_config(site_dir, build.base_url, config_problems);
  if (!config) {
    for (const std::string& line : diagnostic_lines(config_problems)) std::cerr << line << '\n';
    std::cerr << "\n无法预览：请在站点文件夹（包含 content/site.json 的文件夹）中运行，或用 --site 指定它。\n";
    return 1;
  }

  StopSignals signals;
  // One preview of a site at a time: two would rebuild the same folder.
  std::optional<OutputLock> lock;
  try {
    lock.emplace(build.out_dir.parent_path());
  } catch (const std::runtime_error&) {
    std::cerr << "这个站点已经有一个预览（zhuanlan serve）在运行。请直接在浏览器中打开它显示的地址，"
                 "或先在运行它的窗口按 Ctrl+C 停止，再重新运行。\n";
    return 1;
  }

  // The server mounts the folder when it starts: it must exist even when
  // no build has succeeded yet (an empty folder is one a build may fill).
  std::error_code ec;
  fs::create_directories(build.out_dir, ec);

  std::cout << "正在生成网站……" << std::endl;
  const auto first_started = Clock::now();
  ReloadHub hub(new_session());
  const BuildOutcome first = build_preview(build);
  if (first.ok) {
    hub.built(ChangeKind::page);
    std::cout << "生成完成，用时 " << seconds_since(first_started) << " 秒。" << std::endl;
  } else {
    hub.failed(first.lines);
    std::cerr << "\n生成失败：请按上面的提示修改。预览照常启动，浏览器中会显示同样的提示；修改保存后会自动重新生成。\n";
  }

  PreviewServer server({build.out_dir, config->base_path, options.host, options.port}, hub);
  std::string error;
  if (!server.bind(&error)) {
    std::cerr << error << '\n';
    return 1;
  }
  server.start();
  FileWatcher watcher(site_dir, kWatchedFolders, {options.poll, std::chrono::milliseconds(500), signals.fd(), 0});

  std::string shown_host = options.host == "0.0.0.0" || options.host == "::" ? "127.0.0.1" : options.host;
  if (shown_host.find(':') != std::string::npos) shown_host = "[" + shown_host + "]";  // IPv6 in a URL
  std::cout << "\n预览地址：http://" << shown_host << ":" << server.port() << config->base_path << "\n"
            << "用浏览器打开这个地址。保存 content/、layouts/ 或 assets/ 中的文件后，打开的页面会自动刷新；"
               "按 Ctrl+C 停止预览。\n";
  if (build.include_drafts) std::cout << "草稿（draft: true）也会显示，并标有“草稿”字样；正式构建不会发布它们。\n";
  if (!is_loopback_host(options.host)) {
    std::cout << "注意：--bind " << options.host << " 让同一网络中的其他设备也能打开预览（包括草稿）。\n";
  }
  if (!watcher.notice().empty()) {
    std::cout << watcher.notice() << "\n";
  } else if (options.poll) {
    std::cout << "按 --poll 的要求，每 0.5 秒检查一次文件是否有修改。\n";
  }
  std::cout << std::flush;

  // Files changed since the last good build: what the next good one shows.
  std::vector<std::string> since_good;
  while (const auto changed = next_burst(watcher)) {
    since_good.insert(since_good.end(), changed->begin(), changed->end());
    std::cout << "\n检测到修改：" << change_summary(*changed) << "，正在重新生成……" << std::endl;
    const auto started = Clock::now();
    const BuildOutcome outcome = build_preview(build);
    if (outcome.ok) {
      const ChangeKind kind = change_kind(since_good);
      since_good.clear();
      hub.built(kind);
      std::cout << "已更新，用时 " << seconds_since(started) << " 秒。"
                << (kind == ChangeKind::css ? "只改了样式：打开的页面直接换上新样式，不整页刷新。" : "打开的页面将自动刷新。")
                << std::endl;
      Diagnostics problems;
      const auto now = load_site_config(site_dir, build.base_url, problems);
      if (now && now->base_path != config->base_path) {
        std::cout << "site.json 中 base_url 的路径已改为 " << now->base_path
                  << "：预览地址仍是原来的，请按 Ctrl+C 停止后重新运行 zhuanlan serve。" << std::endl;
      }
    } else {
      hub.failed(outcome.lines);
      std::cerr << "\n生成失败：请按上面的提示修改。打开的页面上方会显示同样的提示，页面本身仍是上一次成功生成的版本；"
                   "修改保存后会自动重新生成。"
                << std::endl;
    }
  }
  std::cout << "\n正在停止预览……" << std::endl;
  hub.close();
  server.stop();
  std::cout << "预览已停止。" << std::endl;
  return 0;
}

}  // namespace zhuanlan
