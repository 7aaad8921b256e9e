#pragma once
// The allow-list sanitiser for body HTML when a site turns raw HTML on
// (markdown.raw_html): the HTML is parsed as browsers parse it (gumbo, an
// HTML5 parser, so no trick of broken markup survives re-parsing) and
// written again with only the elements and attributes listed in
// html_sanitizer.cpp, which cover what cmark-gfm, figures and pictures
// write plus common formatting. Scripts, styles, frames, forms, SVG and
// MathML go with their content; other unknown tags go and their text
// stays. Event handlers and every attribute not listed are dropped; links
// keep only http, https, mailto, relative and #fragment URLs, and images
// load only from the site itself (relative URLs), so no page loads
// anything from another host.
#include <string>
#include <string_view>

namespace zhuanlan {

std::string sanitize_body_html(std::string_view html);

}  // namespace zhuanlan
