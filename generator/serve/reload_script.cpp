#include "serve/reload_script.h"

#include <algorithm>
#include <cctype>

#include "util/text.h"

namespace zhuanlan {

namespace {

// Plain ES2017, no library. Error lines are put in with textContent, so
// nothing in them is ever read as HTML. The overlay lives in a shadow root:
// the site's stylesheet cannot touch it, nor it the page.
constexpr std::string_view kScript = R"js(// zhuanlan serve: live reload (added by the preview server only).
(() => {
  "use strict";
  const script = document.currentScript;
  const session = script.dataset.session;
  let build = Number(script.dataset.build);
  let source = null;
  let retry = null;
  let overlay = null;

  const style = `
    :host { all: initial; }
    .panel { position: fixed; inset: 0 0 auto 0; z-index: 2147483647; max-height: 70vh; overflow: auto;
      box-sizing: border-box; padding: 16px 20px; background: #fff7f5; color: #1f1f1f;
      border-bottom: 4px solid #b3261e; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
      font: 16px/1.6 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
    h2 { margin: 0 0 4px; font-size: 18px; color: #8c1d18; }
    p { margin: 0 0 8px; }
    ol { margin: 0; padding-left: 1.6em; }
    li { margin: 4px 0; white-space: pre-wrap; word-break: break-word;
      font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; font-size: 15px; }
    button { float: right; font: inherit; font-size: 14px; padding: 2px 12px; margin-left: 12px; cursor: pointer; }`;

  function showErrors(lines) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "zhuanlan-serve-errors";
      const root = overlay.attachShadow({ mode: "open" });
      const css = document.createElement("style");
      css.textContent = style;
      const panel = document.createElement("section");
      panel.className = "panel";
      panel.setAttribute("role", "alert");
      const hide = document.createElement("button");
      hide.type = "button";
      hide.textContent = "暂时隐藏";
      hide.addEventListener("click", () => { panel.hidden = true; });
      const heading = document.createElement("h2");
      heading.textContent = "网站没有更新：生成时发现问题";
      const hint = document.createElement("p");
      hint.textContent = "请按下面的提示修改文件并保存，这个提示会自动消失。下面的页面仍是上一次成功生成的版本。";
      panel.append(hide, heading, hint, document.createElement("ol"));
      root.append(css, panel);
      document.body.append(overlay);
    }
    const panel = overlay.shadowRoot.querySelector(".panel");
    panel.hidden = false;
    panel.querySelector("ol").replaceChildren(...lines.map((line) => {
      const item = document.createElement("li");
      item.textContent = line;
      return item;
    }));
  }

  function hideErrors() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  // The stylesheets of the page as built now, in place of the old ones;
  // each old one goes once its successor has loaded, so nothing flickers.
  async function swapStylesheets() {
    const response = await fetch(location.href, { cache: "no-store" });
    if (!response.ok) throw new Error(String(response.status));
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const wanted = [...fresh.querySelectorAll('link[rel="stylesheet"]')]
      .map((link) => new URL(link.getAttribute("href"), location.href).href);
    const current = [...document.querySelectorAll('link[rel="stylesheet"]')];
    if (wanted.length !== current.length) throw new Error("stylesheets added or removed");
    current.forEach((link, i) => {
      if (link.href === wanted[i]) return;
      const next = link.cloneNode();
      next.href = wanted[i];
      const drop = () => link.remove();
      next.addEventListener("load", drop, { once: true });
      next.addEventListener("error", drop, { once: true });
      link.after(next);
    });
  }

  function connect() {
    clearTimeout(retry);
    const query = "?session=" + encodeURIComponent(session) + "&build=" + build;
    source = new EventSource("/__zhuanlan/events" + query);
    source.addEventListener("errors", (event) => showErrors(JSON.parse(event.data).lines));
    source.addEventListener("reload", (event) => {
      const message = JSON.parse(event.data);
      hideErrors();
      if (message.kind !== "css") {
        location.reload();
        return;
      }
      build = message.build;
      swapStylesheets().catch(() => location.reload());
    });
    // Reconnects by itself with the build the page has now (EventSource's
    // own retry would repeat the first one).
    source.addEventListener("error", () => {
      source.close();
      source = null;
      if (!document.hidden) retry = setTimeout(connect, 1000);
    });
  }

  // Browsers allow few connections to one server: hidden tabs let theirs go
  // and ask where things stand when they are shown again.
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      clearTimeout(retry);
      if (source) source.close();
      source = null;
    } else if (!source) {
      connect();
    }
  });
  if (!document.hidden) connect();
})();
)js";

}  // namespace

std::string_view reload_script() { return kScript; }

std::string with_reload_script(std::string_view html, std::string_view session, std::uint64_t build) {
  const std::string tag = "<script src=\"" + html_escape(kReloadScriptPath) + "\" data-session=\"" + html_escape(session) +
                          "\" data-build=\"" + std::to_string(build) + "\" defer></script>";
  // The last </body>, in any letter case.
  constexpr std::string_view body_end = "</body>";
  const auto at = std::find_end(html.begin(), html.end(), body_end.begin(), body_end.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  });
  std::string out;
  out.reserve(html.size() + tag.size());
  out.append(html.begin(), at).append(tag).append(at, html.end());
  return out;
}

}  // namespace zhuanlan
