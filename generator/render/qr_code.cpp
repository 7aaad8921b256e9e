#include "render/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

#include "util/text.h"

namespace zhuanlan {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code, as the standard asks
constexpr int kPixelsPerModule = 4;

struct QrDeleter {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::string qr_code_svg(const std::string& text) {
  const std::unique_ptr<QRcode, QrDeleter> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) throw std::runtime_error("无法为“" + text + "”生成二维码（网址太长）");
  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  // One path; each run of dark modules in a row is one rectangle.
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if (!(code->data[y * width + x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
      path.append("M").append(std::to_string(x + kQuietZone)).append(" ").append(std::to_string(y + kQuietZone));
      path.append("h").append(std::to_string(run)).append("v1h-").append(std::to_string(run)).append("z");
      x += run;
    }
  }
  const std::string n = std::to_string(size);
  const std::string pixels = std::to_string(size * kPixelsPerModule);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" + pixels +
         "\" height=\"" + pixels + "\" shape-rendering=\"crispEdges\">\n<title>" + xml_escape(text) +
         "</title>\n<rect width=\"" + n + "\" height=\"" + n + "\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"" + path +
         "\"/>\n</svg>\n";
}

std::string qr_code_path(const std::string& page_path) {
  const std::string stem = page_path.size() > 5 && page_path.compare(page_path.size() - 5, 5, ".html") == 0
                               ? page_path.substr(0, page_path.size() - 5)
                               : page_path;
  return "qr/" + stem + ".svg";
}

PageJob qr_code_job(const SiteModel& model, const std::string& page_path, const OutputOrigin& page_origin) {
  const std::string url = public_url(model.site.base_url, page_path);
  return {qr_code_path(page_path), [url](PageRenderer&) { return qr_code_svg(url); }, false, page_origin};
}

kainjow::mustache::data qr_code_box(const SiteModel& model, const std::string& page_path) {
  kainjow::mustache::data d;
  d.set("src", qr_code_path(page_path));
  d.set("url", public_url(model.site.base_url, page_path));
  return d;
}

}  // namespace zhuanlan
