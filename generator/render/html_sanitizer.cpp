#include "render/html_sanitizer.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "util/text.h"

namespace zhuanlan {
namespace {

struct OutputDeleter {
  void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};

// Elements that are kept, with their allowed attributes.
bool allowed_element(GumboTag tag) {
  switch (tag) {
    // What cmark-gfm writes (tables, strikethrough, autolinks included).
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_LI: case GUMBO_TAG_PRE: case GUMBO_TAG_CODE: case GUMBO_TAG_EM: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_DEL: case GUMBO_TAG_A: case GUMBO_TAG_IMG: case GUMBO_TAG_HR: case GUMBO_TAG_BR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TR: case GUMBO_TAG_TH:
    case GUMBO_TAG_TD:
    // Figures and pictures (image_tag; gumbo 0.10 knows <picture> only by
    // name, see element_name()).
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_SOURCE:
    // Common formatting.
    case GUMBO_TAG_B: case GUMBO_TAG_I: case GUMBO_TAG_U: case GUMBO_TAG_S: case GUMBO_TAG_MARK:
    case GUMBO_TAG_SMALL: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_SPAN: case GUMBO_TAG_DIV:
    case GUMBO_TAG_ABBR: case GUMBO_TAG_CITE: case GUMBO_TAG_Q: case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP:
    case GUMBO_TAG_VAR: case GUMBO_TAG_INS: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TFOOT: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TIME: case GUMBO_TAG_RUBY:
    case GUMBO_TAG_RT: case GUMBO_TAG_RP: case GUMBO_TAG_WBR:
      return true;
    default:
      return false;
  }
}

// Elements removed with everything inside them: their content is code,
// not text (scripts, styles), or a world of its own (frames, forms, SVG,
// MathML, whose parsing rules differ).
bool dropped_with_content(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_APPLET: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_FRAME: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_BASE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

// The element's name in lower case; gumbo 0.10 has no tag number for
// elements newer than it (<picture>), so those are named from the source.
std::string element_name(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece original = element.original_tag;
  gumbo_tag_from_original_text(&original);
  std::string name(original.data ? original.data : "", original.length);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

bool void_element(GumboTag tag) {
  return tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_BR || tag == GUMBO_TAG_SOURCE ||
         tag == GUMBO_TAG_COL || tag == GUMBO_TAG_WBR;
}

enum class UrlUse { link, image };

// The URL's scheme in lower case ("" for a relative URL), read as browsers
// read it: tabs, line breaks and leading spaces or control characters do not
// hide a "javascript:".
std::string url_scheme(std::string_view url) {
  std::string cleaned;
  for (const char c : url) {
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (cleaned.empty() && static_cast<unsigned char>(c) <= 0x20) continue;
    cleaned += c;
  }
  const auto colon = cleaned.find(':');
  if (colon == std::string::npos || cleaned.find_first_of("/?#") < colon) return "";
  std::string scheme = cleaned.substr(0, colon);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme;
}

bool allowed_url(std::string_view url, UrlUse use) {
  const std::string scheme = url_scheme(url);
  if (use == UrlUse::image) {
    // The site's own files only: "//host/x" is another host as well.
    const auto start = url.find_first_not_of(" \t\n\r");
    return scheme.empty() && !(start != std::string_view::npos && url.substr(start).starts_with("//")) &&
           !(start != std::string_view::npos && url.substr(start).starts_with("\\"));
  }
  return scheme.empty() || scheme == "http" || scheme == "https" || scheme == "mailto";
}

bool allowed_srcset(std::string_view srcset) {
  std::size_t start = 0;
  while (start <= srcset.size()) {
    std::size_t end = srcset.find(',', start);
    if (end == std::string_view::npos) end = srcset.size();
    std::string_view candidate = srcset.substr(start, end - start);
    const auto first = candidate.find_first_not_of(" \t\n\r");
    if (first != std::string_view::npos) {
      candidate.remove_prefix(first);
      if (!allowed_url(candidate.substr(0, candidate.find_first_of(" \t\n\r")), UrlUse::image)) return false;
    }
    start = end + 1;
  }
  return true;
}

// cmark-gfm writes table alignment as style="text-align: left" (and
// center, right); no other style is kept, since CSS can load from other
// hosts and cover the page.
bool allowed_style(std::string_view style) {
  return style == "text-align: left" || style == "text-align: center" || style == "text-align: right";
}

bool allowed_attribute(GumboTag tag, std::string_view name, std::string_view value) {
  if (name == "title" || name == "lang" || name == "dir" || name == "class" || name == "id") return true;
  if (name == "style") return (tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TD) && allowed_style(value);
  switch (tag) {
    case GUMBO_TAG_A:
      if (name == "href") return allowed_url(value, UrlUse::link);
      return name == "rel" || name == "hreflang";
    case GUMBO_TAG_IMG:
      if (name == "src") return allowed_url(value, UrlUse::image);
      if (name == "srcset") return allowed_srcset(value);
      return name == "alt" || name == "width" || name == "height" || name == "loading" || name == "decoding" ||
             name == "sizes";
    case GUMBO_TAG_SOURCE:
      if (name == "srcset") return allowed_srcset(value);
      return name == "type" || name == "sizes" || name == "media" || name == "width" || name == "height";
    case GUMBO_TAG_TH: case GUMBO_TAG_TD:
      return name == "colspan" || name == "rowspan" || name == "scope";
    case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP:
      return name == "span";
    case GUMBO_TAG_OL:
      return name == "start" || name == "reversed" || name == "type";
    case GUMBO_TAG_LI:
      return name == "value";
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_Q: case GUMBO_TAG_DEL: case GUMBO_TAG_INS:
      return name == "cite" && allowed_url(value, UrlUse::link);
    case GUMBO_TAG_TIME:
      return name == "datetime";
    case GUMBO_TAG_DETAILS:
      return name == "open";
    default:
      return false;
  }
}

void write_children(const GumboNode* node, std::string& out);

void write_node(const GumboNode* node, std::string& out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      out += html_escape(node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      break;
    default:  // comments, the document
      return;
  }
  const GumboElement& element = node->v.element;
  if (element.tag_namespace != GUMBO_NAMESPACE_HTML || dropped_with_content(element.tag)) return;
  const std::string name = element_name(element);
  if (!allowed_element(element.tag) && name != "picture") {
    write_children(node, out);  // <font>, <center>, <marquee>: the tag goes, its text stays
    return;
  }
  out += '<';
  out += name;
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    if (!allowed_attribute(element.tag, attribute->name, attribute->value)) continue;
    out += ' ';
    out += attribute->name;
    out += "=\"";
    out += html_escape(attribute->value);
    out += '"';
  }
  out += '>';
  if (void_element(element.tag)) return;
  write_children(node, out);
  out += "</" + name + ">";
}

void write_children(const GumboNode* node, std::string& out) {
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) write_node(static_cast<const GumboNode*>(children.data[i]), out);
}

}  // namespace

std::string sanitize_body_html(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_BODY;  // parsed as the inside of <body>, as the page will hold it
  options.max_errors = 0;                     // the errors are not read
  std::unique_ptr<GumboOutput, OutputDeleter> output(gumbo_parse_with_options(&options, html.data(), html.size()));
  std::string out;
  out.reserve(html.size());
  write_children(output->root, out);
  return out;
}

}  // namespace zhuanlan
