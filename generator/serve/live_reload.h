#pragma once
// What the open pages of `zhuanlan serve` are told, and when. The serve
// loop reports each rebuild to a ReloadHub; every page keeps one
// Server-Sent Events connection (/__zhuanlan/events) whose handler waits on
// the hub and sends what that page needs: "reload" (with the kind of
// change: a CSS-only change swaps the stylesheets, anything else reloads
// the page) once the new files are in place, or "errors" (the diagnostics
// of a failed rebuild, shown over the page) while the last good files stay
// served. The hub keeps the latest state, not a queue: a page that was
// away sees only where things stand now.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan {

enum class ChangeKind { page, css };

// css when every changed file (site-relative, e.g. assets/style.css) is a
// stylesheet under assets/: the pages then differ only in their <link>s.
ChangeKind change_kind(const std::vector<std::string>& changed_files);

struct ReloadState {
  std::uint64_t version = 0;          // moves on every report
  std::uint64_t build = 0;            // successful builds so far: what the folder holds
  std::uint64_t last_page_build = 0;  // the latest build that was not CSS-only
  std::vector<std::string> errors;    // of the last rebuild, when it failed
  bool closed = false;                // the server is stopping
};

class ReloadHub {
 public:
  // session: told to every page, so that pages of an earlier run of
  // `zhuanlan serve` (whose build numbers meant something else) reload.
  explicit ReloadHub(std::string session);

  const std::string& session() const { return session_; }
  ReloadState state() const;

  // The new files of a successful build are in place.
  void built(ChangeKind kind);
  // A rebuild failed with these lines (as the terminal shows them).
  void failed(std::vector<std::string> lines);
  // Wakes every waiting connection for good.
  void close();

  // The state once its version differs from seen, or after timeout
  // (unchanged: time for a keep-alive), or once closed.
  ReloadState wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const;

 private:
  std::string session_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  ReloadState state_;
};

// What one open page has: the session and build it was served from, and
// the errors it shows.
struct PageView {
  std::uint64_t build = 0;
  std::uint64_t errors_version = 0;  // the version whose errors were sent, 0 for none
};

// The page's view from its request (?session=…&build=…): a page of
// another session counts as built from nothing.
PageView page_view(const ReloadHub& hub, std::string_view session, std::string_view build);

// The Server-Sent Events message the page needs now ("" for none), and the
// view updated as if it had received it.
std::string next_message(const ReloadState& state, PageView& view);

}  // namespace zhuanlan
