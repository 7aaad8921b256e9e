#include "serve/file_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>
#include <utility>

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

constexpr std::uint32_t kFolderEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM |
                                        IN_MOVED_TO | IN_DONT_FOLLOW | IN_EXCL_UNLINK;
// The site folder itself: only its watched folders coming and going.
constexpr std::uint32_t kSiteEvents = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR;

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

std::string joined(const std::string& folder, std::string_view name) {
  return folder.empty() ? std::string(name) : folder + "/" + std::string(name);
}

// Whether any segment of a site-relative path is a scratch file's name.
bool in_scratch_file(std::string_view path) {
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    if (is_editor_scratch_file(path.substr(start, end - start))) return true;
    start = end + 1;
  }
  return false;
}

void sort_unique(std::vector<std::string>& paths) {
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
}

// Waits until fd is readable, stop_fd is readable or timeout passes:
// 1 for fd, 0 for the time, -1 for stop_fd.
int wait_readable(int fd, int stop_fd, std::optional<std::chrono::milliseconds> timeout) {
  pollfd fds[2] = {{fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
  const int ms = timeout ? static_cast<int>(std::max<long long>(0, timeout->count())) : -1;
  int n = 0;
  do {
    n = ::poll(fds, 2, ms);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) return 0;
  if (fds[1].revents != 0) return -1;
  return fds[0].revents != 0 ? 1 : 0;
}

}  // namespace

bool is_editor_scratch_file(std::string_view name) {
  if (name.empty()) return false;
  if (name.front() == '.' || name.back() == '~' || name == "4913") return true;
  if (name.size() > 1 && name.front() == '#' && name.back() == '#') return true;
  for (const std::string_view end : {".swp", ".swx", ".swo", ".kate-swp", ".tmp", ".crdownload", ".part"}) {
    if (ends_with(name, end)) return true;
  }
  return false;
}

FileWatcher::FileWatcher(fs::path site_dir, std::vector<std::string> folders, WatchSettings settings)
    : site_dir_(std::move(site_dir)), folders_(std::move(folders)), settings_(settings) {
  if (settings_.force_polling) {
    polling_ = true;
    snapshot_ = scan();
    return;
  }
  start_inotify();
  notice_ = std::exchange(pending_notice_, std::string());
}

FileWatcher::~FileWatcher() {
  if (inotify_fd_ >= 0) ::close(inotify_fd_);
}

void FileWatcher::start_inotify() {
  inotify_fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) {
    fall_back_to_polling("系统不允许再监视更多文件夹（inotify 实例数已达上限 max_user_instances）");
    return;
  }
  if (!add_watch("", kSiteEvents)) return;
  for (const std::string& folder : folders_) {
    if (!watch_tree(folder, nullptr)) return;
  }
}

bool FileWatcher::add_watch(const std::string& relative, std::uint32_t mask) {
  const bool at_limit = settings_.watch_limit != 0 && watches_.size() >= settings_.watch_limit;
  const int wd = at_limit ? -1 : ::inotify_add_watch(inotify_fd_, (site_dir_ / relative).c_str(), mask);
  if (wd >= 0) {
    watches_[wd] = relative;
    return true;
  }
  if (at_limit || errno == ENOSPC) {
    fall_back_to_polling("系统允许监视的文件夹数量已用完（inotify 上限 max_user_watches）");
    return false;
  }
  return true;  // gone already, or not a folder: nothing to watch there
}

bool FileWatcher::watch_tree(const std::string& relative, std::vector<std::string>* found) {
  std::error_code ec;
  if (!fs::is_directory(site_dir_ / relative, ec) || fs::is_symlink(site_dir_ / relative, ec)) return true;
  if (!add_watch(relative, kFolderEvents)) return false;
  for (fs::recursive_directory_iterator it(site_dir_ / relative, ec), end; it != end; it.increment(ec)) {
    if (ec) break;
    const std::string path = (fs::path(relative) / it->path().lexically_relative(site_dir_ / relative)).generic_string();
    if (found) found->push_back(path);
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (!add_watch(path, kFolderEvents)) return false;
    }
  }
  return true;
}

void FileWatcher::fall_back_to_polling(std::string reason) {
  if (inotify_fd_ >= 0) ::close(inotify_fd_);
  inotify_fd_ = -1;
  watches_.clear();
  polling_ = true;
  snapshot_ = scan();
  char seconds[16];
  std::snprintf(seconds, sizeof seconds, "%.1f", static_cast<double>(settings_.poll_interval.count()) / 1000.0);
  pending_notice_ = reason + "，改为每 " + seconds +
                    " 秒检查一次文件。保存后仍会自动刷新，只是稍慢一些。如需恢复即时刷新，请管理员调大该上限"
                    "（例如 sudo sysctl fs.inotify.max_user_watches=524288），或关闭其他监视文件的程序。";
}

void FileWatcher::read_events(std::vector<std::string>& changed) {
  alignas(inotify_event) char buffer[64 * 1024];
  while (inotify_fd_ >= 0) {
    const ssize_t n = ::read(inotify_fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: all read
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        // Events were lost: say that everything may have changed.
        changed.insert(changed.end(), folders_.begin(), folders_.end());
        continue;
      }
      const auto watch = watches_.find(event->wd);
      if (watch == watches_.end()) continue;
      if (event->mask & IN_IGNORED) {
        watches_.erase(watch);
        continue;
      }
      if (event->len == 0) continue;
      const std::string folder = watch->second;
      const std::string name = event->name;
      const bool site_level = folder.empty();
      if (site_level && std::find(folders_.begin(), folders_.end(), name) == folders_.end()) continue;
      const std::string path = joined(folder, name);
      changed.push_back(path);
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) {
        // Files may have been put in before its watch existed.
        if (!watch_tree(path, &changed)) {
          // Polling from now on; what was missed counts as changed.
          changed.insert(changed.end(), folders_.begin(), folders_.end());
          return;
        }
      }
    }
  }
}

FileWatcher::Snapshot FileWatcher::scan() const {
  Snapshot snapshot;
  for (const std::string& folder : folders_) {
    std::error_code ec;
    const fs::path root = site_dir_ / folder;
    if (!fs::is_directory(root, ec)) continue;
    for (fs::recursive_directory_iterator it(root, ec), end; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::file_status status = it->status(ec);
      Stamp stamp;
      stamp.folder = fs::is_directory(status);
      if (!stamp.folder) stamp.size = it->file_size(ec);
      stamp.mtime_ns = static_cast<long long>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(it->last_write_time(ec).time_since_epoch()).count());
      snapshot[(fs::path(folder) / it->path().lexically_relative(root)).generic_string()] = stamp;
    }
  }
  return snapshot;
}

void FileWatcher::diff_scan(std::vector<std::string>& changed) {
  Snapshot now = scan();
  for (const auto& [path, stamp] : now) {
    const auto before = snapshot_.find(path);
    if (before == snapshot_.end() || !(before->second == stamp)) changed.push_back(path);
  }
  for (const auto& [path, stamp] : snapshot_) {
    if (!now.count(path)) changed.push_back(path);
  }
  snapshot_ = std::move(now);
}

WatchResult FileWatcher::wait(std::optional<std::chrono::milliseconds> timeout) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = timeout ? std::optional(Clock::now() + *timeout) : std::nullopt;
  WatchResult result;
  while (true) {
    std::optional<std::chrono::milliseconds> left;
    if (deadline) left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now());
    int ready = 0;
    if (polling_) {
      std::optional<std::chrono::milliseconds> sleep = settings_.poll_interval;
      if (left && *left < *sleep) sleep = left;
      ready = wait_readable(-1, settings_.stop_fd, sleep);
    } else {
      ready = wait_readable(inotify_fd_, settings_.stop_fd, left);
    }
    if (ready < 0) {
      result.stopped = true;
      break;
    }
    if (polling_) {
      diff_scan(result.changed);
    } else if (ready > 0) {
      read_events(result.changed);
    }
    result.changed.erase(std::remove_if(result.changed.begin(), result.changed.end(), in_scratch_file),
                         result.changed.end());
    if (!pending_notice_.empty()) result.notice = std::exchange(pending_notice_, std::string());
    if (!result.changed.empty() || !result.notice.empty()) break;
    if (deadline && Clock::now() >= *deadline) break;
  }
  sort_unique(result.changed);
  return result;
}

}  // namespace zhuanlan
