#pragma once
// QR codes for the offline exhibition boards (展板): libqrencode encodes the
// text; this file only draws its module matrix as SVG.
#include <string>

namespace zhuanlan {

// An SVG image of the QR code of text (error correction level M, a quiet
// zone of four modules). Throws std::runtime_error when libqrencode cannot
// encode it (text far too long for a QR code).
std::string qr_code_svg(const std::string& text);

// Where the QR code of a page is published: exhibition/a.html -> qr/exhibition/a.svg.
std::string qr_code_path(const std::string& page_path);

}  // namespace zhuanlan
