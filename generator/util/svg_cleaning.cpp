#include "util/svg_cleaning.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <memory>
#include <mutex>

namespace zhuanlan {
namespace {

// ---- names -----------------------------------------------------------------

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view view(const xmlChar* text) {
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// A name's part after its prefix, lowercased: libxml2 keeps "xlink:href"
// whole when the prefix is not declared.
std::string local_name(const xmlChar* name) {
  const std::string_view full = view(name);
  const auto colon = full.rfind(':');
  return lower_ascii(colon == std::string_view::npos ? full : full.substr(colon + 1));
}

bool in_namespace(const xmlNs* ns, std::string_view href) { return ns && view(ns->href) == href; }

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kXmlEventsNamespace = "http://www.w3.org/2001/xml-events";

// Namespaces whose elements have no place in a drawing and may run or load
// something (an XHTML <script> runs anywhere in an XML document).
bool foreign_namespace(const xmlNs* ns) {
  static constexpr std::array<std::string_view, 6> kDropped = {
      "http://www.w3.org/1999/xhtml",        "http://www.w3.org/1998/Math/MathML",
      "http://www.w3.org/2001/XInclude",     "http://www.w3.org/2003/XInclude",
      "http://www.w3.org/1999/XSL/Transform", kXmlEventsNamespace};
  return ns && std::find(kDropped.begin(), kDropped.end(), view(ns->href)) != kDropped.end();
}

bool dropped_element(const xmlNode* node) {
  static constexpr std::array<std::string_view, 13> kDropped = {
      "script", "foreignobject", "handler", "listener", "iframe", "frame", "frameset",
      "embed",  "object",        "applet",  "base",     "link",   "meta"};
  const std::string name = local_name(node->name);
  return foreign_namespace(node->ns) || std::find(kDropped.begin(), kDropped.end(), name) != kDropped.end();
}

bool is_animation(const std::string& name) {
  return name == "set" || name == "animate" || name == "animatemotion" || name == "animatetransform" ||
         name == "animatecolor";
}

// ---- URLs and CSS ----------------------------------------------------------

// A URL that loads nothing from elsewhere: a #fragment of this drawing, or a
// raster image inside the URL itself. Browsers ignore the whitespace and
// control characters a URL may hide between its letters.
bool local_reference(std::string_view url) {
  std::string compact;
  for (const char c : url) {
    if (static_cast<unsigned char>(c) > 0x20 && c != 0x7f) compact.push_back(c);
  }
  if (!compact.empty() && compact.front() == '#') return true;
  compact = lower_ascii(compact);
  for (const std::string_view type : {"png", "jpeg", "jpg", "gif", "webp"}) {
    const std::string prefix = "data:image/" + std::string(type);
    if (compact.size() > prefix.size() && compact.compare(0, prefix.size(), prefix) == 0 &&
        (compact[prefix.size()] == ';' || compact[prefix.size()] == ',')) {
      return true;
    }
  }
  return false;
}

// True when an escape stands for an ASCII character: `\75 rl(` is url( to a
// browser, and no drawing program writes ASCII as escapes (Chinese font
// names, which they do escape, are not ASCII).
bool has_ascii_escape(std::string_view css) {
  for (std::size_t i = 0; i + 1 < css.size(); ++i) {
    if (css[i] != '\\') continue;
    const unsigned char next = static_cast<unsigned char>(css[i + 1]);
    if (std::isxdigit(next)) {
      unsigned long code = 0;
      std::size_t k = i + 1;
      for (; k < css.size() && k < i + 7 && std::isxdigit(static_cast<unsigned char>(css[k])); ++k) {
        const char digit = static_cast<char>(std::tolower(static_cast<unsigned char>(css[k])));
        code = code * 16 + static_cast<unsigned long>(digit <= '9' ? digit - '0' : digit - 'a' + 10);
      }
      if (code < 0x80) return true;
      i = k - 1;
    } else if (next < 0x80 && next != '\n' && next != '\r' && next != '\f') {
      return true;
    } else {
      ++i;
    }
  }
  return false;
}

// The end of a function call that starts at open (the '('), nesting and
// quotes respected; css.size() when it never closes.
std::size_t call_end(std::string_view css, std::size_t open) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = open; i < css.size(); ++i) {
    const char c = css[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return css.size();
}

// url(…)'s target, quotes removed.
std::string url_target(std::string_view call) {
  std::string_view inner = call.substr(4);  // after "url("
  if (!inner.empty() && inner.back() == ')') inner.remove_suffix(1);
  while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.front()))) inner.remove_prefix(1);
  while (!inner.empty() && std::isspace(static_cast<unsigned char>(inner.back()))) inner.remove_suffix(1);
  if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'') && inner.back() == inner.front()) {
    inner = inner.substr(1, inner.size() - 2);
  }
  return std::string(inner);
}

// CSS (a stylesheet, a style attribute or a presentation attribute's value)
// without @import rules, with url(…) to anything but a local reference and
// image-set(…) (whose strings are URLs too) replaced by `none`. CSS hiding
// letters behind escapes is dropped whole.
std::string clean_css(std::string_view css) {
  if (has_ascii_escape(css)) return "";
  std::string out;
  const std::string lower = lower_ascii(css);
  std::size_t i = 0;
  while (i < css.size()) {
    if (lower.compare(i, 7, "@import") == 0) {
      const auto end = lower.find(';', i);
      i = end == std::string::npos ? css.size() : end + 1;
      continue;
    }
    const bool url = lower.compare(i, 4, "url(") == 0;
    const std::size_t image_set = lower.compare(i, 10, "image-set(") == 0 ? 9 : 0;
    if (url || image_set) {
      const std::size_t end = call_end(css, i + (url ? 3 : image_set));
      const std::string_view call = css.substr(i, end - i);
      out += url && local_reference(url_target(call)) ? std::string(call) : std::string("none");
      i = end;
      continue;
    }
    out.push_back(css[i++]);
  }
  return out;
}

// ---- the tree ------------------------------------------------------------

struct XmlFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
using XmlText = std::unique_ptr<xmlChar, XmlFree>;

std::string content_of(xmlNode* node) {
  const XmlText text(xmlNodeGetContent(node));
  return std::string(view(text.get()));
}

void remove_node(xmlNode* node) {
  xmlUnlinkNode(node);
  xmlFreeNode(node);  // an entity reference's children are the entity's: not freed
}

// Entity references go wherever they are (their entities go with the DTD).
void remove_entity_references(xmlNode* first) {
  for (xmlNode* node = first; node;) {
    xmlNode* next = node->next;
    if (node->type == XML_ENTITY_REF_NODE) remove_node(node);
    node = next;
  }
}

bool dropped_attribute(xmlAttr* attribute, const std::string& element) {
  const std::string name = local_name(attribute->name);
  if (name.rfind("on", 0) == 0 || in_namespace(attribute->ns, kXmlEventsNamespace)) return true;
  if (name == "base" && (in_namespace(attribute->ns, kXmlNamespace) || view(attribute->name) == "xml:base")) return true;
  const std::string value = content_of(reinterpret_cast<xmlNode*>(attribute));
  if (name == "href" || name == "src") return !local_reference(value);
  if (is_animation(element) && name == "attributename") {
    const std::string target = local_name(reinterpret_cast<const xmlChar*>(value.c_str()));
    if (target == "href" || target == "src" || target == "style" || target == "base" || target.rfind("on", 0) == 0) {
      return true;  // the whole animation goes: see clean_element
    }
  }
  return false;
}

void clean_children(xmlNode* parent);

// Returns false when the element itself must go.
bool clean_element(xmlNode* element) {
  if (dropped_element(element)) return false;
  const std::string name = local_name(element->name);
  for (xmlAttr* attribute = element->properties; attribute;) {
    xmlAttr* next = attribute->next;
    remove_entity_references(attribute->children);
    if (dropped_attribute(attribute, name)) {
      if (local_name(attribute->name) == "attributename") return false;
      xmlRemoveProp(attribute);
    } else {
      const std::string value = content_of(reinterpret_cast<xmlNode*>(attribute));
      const std::string cleaned = clean_css(value);
      if (cleaned != value) {
        // A style keeps what is safe; a presentation attribute (fill="url(…)")
        // cannot be half kept.
        if (local_name(attribute->name) == "style" && !cleaned.empty()) {
          xmlSetNsProp(element, attribute->ns, attribute->name, reinterpret_cast<const xmlChar*>(cleaned.c_str()));
        } else {
          xmlRemoveProp(attribute);
        }
      }
    }
    attribute = next;
  }
  clean_children(element);
  if (name == "style") {
    const std::string css = content_of(element);
    const std::string cleaned = clean_css(css);
    if (cleaned != css) {
      while (element->children) remove_node(element->children);
      // No empty text node: it would write <style></style>, and the next
      // reading <style/>.
      if (!cleaned.empty()) {
        xmlAddChild(element, xmlNewDocText(element->doc, reinterpret_cast<const xmlChar*>(cleaned.c_str())));
      }
    }
  }
  return true;
}

void clean_children(xmlNode* parent) {
  for (xmlNode* node = parent->children; node;) {
    xmlNode* next = node->next;
    switch (node->type) {
      case XML_ELEMENT_NODE:
        if (!clean_element(node)) remove_node(node);
        break;
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
      case XML_COMMENT_NODE:
        break;
      default:  // entity references, processing instructions, XInclude marks
        remove_node(node);
        break;
    }
    node = next;
  }
}

struct ContextFree {
  void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};
struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

// No external entity or DTD is ever fetched, from the network or from disk.
xmlParserInputPtr refuse_external(void*, const xmlChar*, const xmlChar*) { return nullptr; }

// The first error libxml2 reports (its last one is often only the end of
// the file it reached after losing its way).
struct FirstError {
  bool seen = false;
  int line = 0;
  std::string message;
};

void record_first_error(void* context, xmlErrorPtr error) {
  auto* first = static_cast<FirstError*>(static_cast<xmlParserCtxt*>(context)->_private);
  if (first->seen || !error || error->level < XML_ERR_ERROR) return;
  first->seen = true;
  first->line = error->line;
  first->message = error->message ? error->message : "";
  while (!first->message.empty() && std::isspace(static_cast<unsigned char>(first->message.back()))) {
    first->message.pop_back();
  }
}

}  // namespace

std::optional<std::string> clean_svg(std::string_view bytes, SvgProblem* problem) {
  static std::once_flag started;
  std::call_once(started, [] { xmlInitParser(); });
  *problem = {};
  const std::unique_ptr<xmlParserCtxt, ContextFree> context(xmlNewParserCtxt());
  if (!context) throw std::bad_alloc();
  context->sax->resolveEntity = refuse_external;
  FirstError first;
  context->_private = &first;
  context->sax->serror = record_first_error;  // called with the context itself
  // Without XML_PARSE_NOENT entities are never expanded into the tree, and
  // without XML_PARSE_DTDLOAD no DTD is read; no XML_PARSE_HUGE: libxml2's
  // limits on depth, text size and entity amplification hold.
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    problem->detail = "太大，不像是一张矢量图。请用绘图软件重新导出";
    return std::nullopt;
  }
  const std::unique_ptr<xmlDoc, DocFree> doc(
      xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), "drawing.svg", nullptr,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc || !context->nsWellFormed) {
    problem->line = first.line;
    problem->detail = "不是格式正确的 SVG 文件" + (first.message.empty() ? "" : "（技术信息：" + first.message + "）") +
                      "。请用绘图软件重新导出为 SVG，或另存为 PNG";
    return std::nullopt;
  }
  xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || view(root->name) != "svg") {
    problem->line = root ? static_cast<int>(xmlGetLineNo(root)) : 0;
    problem->detail = "不是 SVG 矢量图（最外层的元素是 <" + std::string(root ? view(root->name) : "") +
                      ">，应当是 <svg>）。请用绘图软件重新导出为 SVG，或另存为 PNG";
    return std::nullopt;
  }
  if (!clean_element(root)) {
    problem->line = static_cast<int>(xmlGetLineNo(root));
    problem->detail = "不是 SVG 矢量图。请用绘图软件重新导出为 SVG，或另存为 PNG";
    return std::nullopt;
  }
  // Outside the root: the DOCTYPE (entity declarations), processing
  // instructions such as <?xml-stylesheet?>. Comments stay.
  for (xmlNode* node = doc->children; node;) {
    xmlNode* next = node->next;
    if (node != root && node->type != XML_COMMENT_NODE) {
      xmlUnlinkNode(node);
      if (node->type == XML_DTD_NODE) xmlFreeDtd(reinterpret_cast<xmlDtd*>(node));
      else xmlFreeNode(node);
    }
    node = next;
  }
  xmlChar* written = nullptr;
  int size = 0;
  xmlDocDumpMemoryEnc(doc.get(), &written, &size, "UTF-8");
  const XmlText owned(written);
  if (!written) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(written), static_cast<std::size_t>(size));
}

}  // namespace zhuanlan
