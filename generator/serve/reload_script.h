#pragma once
// The script `zhuanlan serve` adds to every HTML page it sends (never to
// what `zhuanlan build` writes): it listens to /__zhuanlan/events (see
// live_reload.h), reloads the page or swaps its stylesheets, and shows a
// failed rebuild's problems over the page.
#include <cstdint>
#include <string>
#include <string_view>

namespace zhuanlan {

// Paths of the serve mode's own files, outside any site's base path.
inline constexpr std::string_view kReloadScriptPath = "/__zhuanlan/live-reload.js";
inline constexpr std::string_view kReloadEventsPath = "/__zhuanlan/events";

// The script's text (JavaScript).
std::string_view reload_script();

// html with the script's tag, naming the session and build the page comes
// from, before its last </body> (at the end when it has none).
std::string with_reload_script(std::string_view html, std::string_view session, std::uint64_t build);

}  // namespace zhuanlan
