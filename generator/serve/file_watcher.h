#pragma once
// Tells `zhuanlan serve` which files of the site changed: inotify on every
// folder below the watched ones (folders made later are added as they
// appear), or, when the user asks for it (--poll: network drives, WSL2 and
// Docker mounts send no inotify events) or the system's inotify limits are
// reached, a look at every file's size and time stamp at an interval.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan {

struct WatchSettings {
  bool force_polling = false;
  std::chrono::milliseconds poll_interval{500};
  int stop_fd = -1;             // when readable (a signal arrived), wait() returns at once
  std::size_t watch_limit = 0;  // 0: the system's; a smaller one acts like the system's (tests)
};

struct WatchResult {
  std::vector<std::string> changed;  // site-relative, '/'-separated, sorted, each once
  bool stopped = false;              // stop_fd became readable
  std::string notice;                // Chinese: the watcher has just switched to polling, and why
};

// Files editors write beside the one being saved (vim's .swp and 4913,
// emacs' #autosave# and .#lock, backups ending in ~, hidden files): no
// reason to rebuild.
bool is_editor_scratch_file(std::string_view name);

class FileWatcher {
 public:
  // folders: site-relative ("content", "layouts", "assets"); one that does
  // not exist yet is noticed when it is made.
  FileWatcher(std::filesystem::path site_dir, std::vector<std::string> folders, WatchSettings settings);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Waits for the next changes (at most timeout; nullopt: no limit) and
  // returns them. Changes made while nobody waited are kept for the next
  // call. An empty result without stopped means the time ran out.
  WatchResult wait(std::optional<std::chrono::milliseconds> timeout);

  bool polling() const { return polling_; }
  // Why polling was chosen when the watcher was made ("" when it was not,
  // or when --poll asked for it).
  const std::string& notice() const { return notice_; }

 private:
  struct Stamp {
    std::uintmax_t size = 0;
    long long mtime_ns = 0;
    bool folder = false;
    bool operator==(const Stamp&) const = default;
  };
  using Snapshot = std::map<std::string, Stamp>;

  void start_inotify();
  // false when the system's (or settings') limit was reached.
  bool watch_tree(const std::string& relative, std::vector<std::string>* found);
  bool add_watch(const std::string& relative, std::uint32_t mask);
  void fall_back_to_polling(std::string reason);
  void read_events(std::vector<std::string>& changed);
  Snapshot scan() const;
  void diff_scan(std::vector<std::string>& changed);

  std::filesystem::path site_dir_;
  std::vector<std::string> folders_;
  WatchSettings settings_;
  bool polling_ = false;
  std::string notice_;
  std::string pending_notice_;
  int inotify_fd_ = -1;
  std::map<int, std::string> watches_;  // watch descriptor -> site-relative folder ("" for the site)
  Snapshot snapshot_;                    // polling: what the last look found
};

}  // namespace zhuanlan
