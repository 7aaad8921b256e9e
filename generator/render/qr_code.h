#pragma once
// QR codes for the offline exhibition boards (展板): libqrencode encodes the
// text; this file only draws its module matrix as SVG.
#include <string>

#include "render/page_plan.h"

namespace zhuanlan {

// An SVG image of the QR code of text (error correction level M, a quiet
// zone of four modules). Throws std::runtime_error when libqrencode cannot
// encode it (text far too long for a QR code).
std::string qr_code_svg(const std::string& text);

// Where the QR code of a page is published: exhibition/a.html -> qr/exhibition/a.svg.
std::string qr_code_path(const std::string& page_path);

// The job that writes the QR code of a page, encoding its public address;
// it comes from where the page comes from.
PageJob qr_code_job(const SiteModel& model, const std::string& page_path, const OutputOrigin& page_origin);

// What a template needs to show the QR code of a page: {src, url}, src
// site-relative.
kainjow::mustache::data qr_code_box(const SiteModel& model, const std::string& page_path);

}  // namespace zhuanlan
