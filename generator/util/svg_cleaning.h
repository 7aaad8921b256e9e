#pragma once
// SVG drawings from content/ are published cleaned, never byte for byte
// (write/image_files): an SVG opened by its URL is a document of the site's
// own origin, so a script in it would run as the site. The same parse
// explains a drawing libvips cannot read by where its XML breaks
// (load/image_probe), which is why this lives in util/. The drawing is
// parsed with libxml2 (network
// off, no external entities or DTDs loaded, entities never expanded) and
// written again without:
//   - <script>, <foreignObject>, <handler>, <listener>, frames, objects and
//     every element in the XHTML, MathML, XInclude, XSLT or XML Events
//     namespace (in any case of letters);
//   - every on* event attribute, xml:base, and animations (<set>, <animate>,
//     …) that would change an href, a style or an event attribute;
//   - href / xlink:href / src values other than a #fragment or a data: URL
//     of a PNG, JPEG, GIF or WebP image (so <use> of another file, links to
//     other sites and javascript: URLs go);
//   - in <style> and style attributes, @import rules and url(…) other than
//     those two kinds (replaced by `none`); a presentation attribute with
//     such a url(…) is dropped;
//   - the DOCTYPE with its entity declarations, entity references and
//     processing instructions (<?xml-stylesheet?>).
// Everything else stays as written: viewBox, shapes, paths, text, titles,
// gradients, classes, comments. The output is UTF-8 with an XML declaration,
// the same bytes for the same input.
#include <optional>
#include <string>
#include <string_view>

namespace zhuanlan {

// Why a file could not be cleaned.
struct SvgProblem {
  int line = 0;        // in the file, from libxml2; 0 when unknown
  std::string detail;  // Chinese, reads after the file's name (and line)
};

// The cleaned drawing, or nullopt with *problem filled in: the file is not
// well-formed XML, or its root element is not <svg>.
std::optional<std::string> clean_svg(std::string_view bytes, SvgProblem* problem);

}  // namespace zhuanlan
