#pragma once
// The Atom feed and the sitemap: XML built here rather than in layouts/,
// because their shape is fixed by their standards, not by the site's design.
#include <string>
#include <vector>

#include "model/site_model.h"

namespace zhuanlan {

constexpr std::size_t kFeedEntries = 20;

struct SitePages;  // render/internal_links.h

// Each entry holds its body's HTML as its own page shows it (links relative
// to the item's page, xml:base says so). pages: for links to content files.
std::string atom_feed(const SiteModel& model, const SitePages* pages = nullptr);

// page_paths: every HTML page to list, site-relative.
std::string sitemap_xml(const SiteModel& model, const std::vector<std::string>& page_paths);

}  // namespace zhuanlan
