/* Starts the 360° viewer on a tour stop that has a panorama. Without
   JavaScript, or where WebGL is missing, the flat photo stays in place. */
(function () {
  "use strict";
  var holder = document.querySelector("[data-panorama]");
  if (!holder || typeof window.pannellum === "undefined") return;
  var canvas = document.createElement("canvas");
  var gl = null;
  try { gl = canvas.getContext("webgl") || canvas.getContext("experimental-webgl"); } catch (e) { gl = null; }
  if (!gl) return;
  var viewer = document.createElement("div");
  viewer.className = "panorama-viewer";
  viewer.setAttribute("role", "application");
  viewer.setAttribute("aria-label", holder.getAttribute("data-title") + "：360° 全景，可拖动或用方向键环视，按 F 全屏");
  viewer.tabIndex = 0;
  holder.insertBefore(viewer, holder.firstChild);
  var photo = holder.querySelector(".stop-photo");
  window.pannellum.viewer(viewer, {
    type: "equirectangular",
    panorama: holder.getAttribute("data-panorama"),
    autoLoad: true,
    showFullscreenCtrl: true,
    showZoomCtrl: true,
    keyboardZoom: true,
    mouseZoom: false,  // the page keeps scrolling with the wheel
    compass: false,
    strings: {
      loadingLabel: "正在加载全景……",
      loadButtonLabel: "点击加载全景",
      bylineLabel: "",
      genericWebGLError: "您的浏览器不支持 WebGL，无法显示全景。",
      iOS8WebGLError: "您的浏览器不支持 WebGL，无法显示全景。",
      unknownError: "全景加载失败。"
    }
  });
  if (photo) photo.hidden = true;
  holder.classList.add("is-live");
})();
