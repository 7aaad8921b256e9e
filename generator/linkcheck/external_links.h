#pragma once
// Every link of the site that leads to another host (http:// or https://),
// with the file and line that wrote it: links in Markdown bodies, media
// reports' URLs, achievements' links and tour panoramas hosted elsewhere.
#include <string>
#include <vector>

#include "model/site_model.h"

namespace zhuanlan {

struct ExternalLink {
  std::string url;
  std::string file;
  int line = 0;
};

// Sorted by file, line and URL; a URL written twice is listed twice (each
// place is reported), and checked once.
std::vector<ExternalLink> external_links(const SiteModel& model);

// True for http:// and https:// URLs (any case); mailto:, tel:, relative
// and fragment links are the site's own business.
bool is_external_url(const std::string& url);

}  // namespace zhuanlan
