#include "serve/live_reload.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace zhuanlan {

namespace {

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// One event; the data is one line of JSON (json::dump escapes line breaks).
std::string event(std::string_view name, const nlohmann::json& data) {
  return "event: " + std::string(name) + "\ndata: " + data.dump() + "\n\n";
}

}  // namespace

ChangeKind change_kind(const std::vector<std::string>& changed_files) {
  if (changed_files.empty()) return ChangeKind::page;
  for (const std::string& file : changed_files) {
    if (file.rfind("assets/", 0) != 0 || !ends_with(file, ".css")) return ChangeKind::page;
  }
  return ChangeKind::css;
}

ReloadHub::ReloadHub(std::string session) : session_(std::move(session)) { state_.version = 1; }

ReloadState ReloadHub::state() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return state_;
}

void ReloadHub::built(ChangeKind kind) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++state_.version;
    ++state_.build;
    if (kind == ChangeKind::page) state_.last_page_build = state_.build;
    state_.errors.clear();
  }
  changed_.notify_all();
}

void ReloadHub::failed(std::vector<std::string> lines) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++state_.version;
    state_.errors = std::move(lines);
  }
  changed_.notify_all();
}

void ReloadHub::close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++state_.version;
    state_.closed = true;
  }
  changed_.notify_all();
}

ReloadState ReloadHub::wait_for_change(std::uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return state_.version != seen || state_.closed; });
  return state_;
}

PageView page_view(const ReloadHub& hub, std::string_view session, std::string_view build) {
  PageView view;
  if (session != hub.session()) return view;
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(build.data(), build.data() + build.size(), number);
  if (error == std::errc() && end == build.data() + build.size()) view.build = number;
  return view;
}

std::string next_message(const ReloadState& state, PageView& view) {
  if (!state.errors.empty()) {
    if (view.errors_version == state.version) return "";
    view.errors_version = state.version;
    return event("errors", {{"lines", state.errors}});
  }
  if (state.build == view.build && view.errors_version == 0) return "";
  // Only stylesheets changed since the page's build: it swaps them.
  const bool css_only = view.build != 0 && view.build >= state.last_page_build && view.build <= state.build;
  view.build = state.build;
  view.errors_version = 0;
  return event("reload", {{"build", state.build}, {"kind", css_only ? "css" : "page"}});
}

}  // namespace zhuanlan
