#pragma once
// Links between the site's own pages, checked on every build before anything
// is written (as Zola does): a Markdown link to a page of the site
// (../news/a.html, a content file such as news/2025-05-13/a.md, #anchor) must
// lead somewhere. Links to content files are rewritten to the URL of the page
// made from them. External links (http:, https:, mailto:, …) and links to
// other files (PDFs, images) are not checked here.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/markdown_document.h"
#include "model/site_model.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// A Markdown body and the page that shows it.
struct ShownDocument {
  const MarkdownDocument* document = nullptr;
  std::string page;  // output path, e.g. news/a.html
};

// Every body of the model (news, pages, activities, achievements, people,
// tour stops), in model order.
std::vector<ShownDocument> shown_documents(const SiteModel& model);

struct SitePages {
  std::set<std::string> paths;                       // every output path planned (render/page_plan.h)
  std::map<std::string, std::string> content_pages;  // content file (news/2025-05-13/a.md) -> its page
  std::map<std::string, std::set<std::string>> ids;  // page -> ids its bodies' headings have
};

// page_paths: the output paths of plan_pages().
SitePages site_pages(const SiteModel& model, const std::vector<std::string>& page_paths);

// Errors, with file and line, for every internal link that leads nowhere.
void check_internal_links(const SiteModel& model, const SitePages& pages, Diagnostics& diagnostics);

// The URL a link is written with on `page`: a content file's page relative
// to `page`, anything else as written.
std::string rewritten_link(const MarkdownDocument& document, const MarkdownLink& link, std::string_view page,
                           const SitePages& pages);

}  // namespace zhuanlan
