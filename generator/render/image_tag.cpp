#include "render/image_tag.h"

#include "model/image_variants.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

std::string srcset(const std::vector<ImageVariant>& variants, ImageFormat format, const std::string& root_prefix) {
  std::string out;
  for (const auto& v : variants) {
    if (v.format != format) continue;
    if (!out.empty()) out += ", ";
    out += root_prefix + v.path + " " + std::to_string(v.width) + "w";
  }
  return html_escape(out);
}

}  // namespace

std::string image_tag(const ImageRef& image, const std::string& root_prefix, bool lazy, std::string_view sizes) {
  const std::string alt = html_escape(image.alt.empty() ? image.caption : image.alt);
  const std::string loading = lazy ? " loading=\"lazy\"" : "";
  const std::vector<ImageVariant> variants = web_variants(image);
  if (variants.empty() || variants.front().format == ImageFormat::svg) {
    // A drawing scales by itself. An image not measured (by a feature that
    // did not describe its images) still has a web-sized copy there.
    const std::string size = variants.empty() ? "" : " width=\"" + std::to_string(image.width) + "\" height=\"" +
                                                         std::to_string(image.height) + "\"";
    return "<img src=\"" + html_escape(root_prefix + image.published_path) + "\"" + size + " alt=\"" + alt + "\"" +
           loading + " decoding=\"async\">";
  }
  const ImageVariant& widest = variants.back();  // the published path's format, widest last
  const std::string sizes_attribute = " sizes=\"" + html_escape(sizes) + "\"";
  std::string html = "<picture>";
  if (const std::string webp = srcset(variants, ImageFormat::webp, root_prefix); !webp.empty()) {
    html += "<source type=\"image/webp\" srcset=\"" + webp + "\"" + sizes_attribute + ">";
  }
  html += "<img src=\"" + html_escape(root_prefix + image.published_path) + "\" srcset=\"" +
          srcset(variants, widest.format, root_prefix) + "\"" + sizes_attribute + " width=\"" +
          std::to_string(widest.width) + "\" height=\"" + std::to_string(widest.height) + "\" alt=\"" + alt + "\"" +
          loading + " decoding=\"async\"></picture>";
  if (image.original_published) {
    html = "<a class=\"image-original\" href=\"" + html_escape(root_prefix + original_path(image)) + "\">" + html + "</a>";
  }
  return html;
}

std::string card_image_tag(const ImageRef& image, const std::string& root_prefix) {
  ImageRef decoration = image;
  decoration.alt.clear();
  decoration.caption.clear();
  decoration.original_published = false;
  return image_tag(decoration, root_prefix, true, kGridImageSizes);
}

}  // namespace zhuanlan
