/* 长辈模式 (elder-friendly mode): larger text and spacing, stronger
   contrast. The choice is kept in localStorage so it holds on every page;
   the page's <head> applies it before the first paint. */
(function () {
  "use strict";
  var button = document.querySelector(".elder-toggle");
  if (!button) return;
  var root = document.documentElement;
  function show() {
    var on = root.classList.contains("elder");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "标准模式" : "长辈模式";
    button.setAttribute("aria-label", on ? "关闭长辈模式，恢复标准字号" : "打开长辈模式：更大的字、更高的对比度");
  }
  button.hidden = false;
  show();
  button.addEventListener("click", function () {
    var on = root.classList.toggle("elder");
    try { localStorage.setItem("zhuanlan-elder", on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
    show();
  });
})();
