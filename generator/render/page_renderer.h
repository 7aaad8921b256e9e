#pragma once
// Renders each kind of page from the site model. A PageRenderer belongs to
// one worker thread (it owns its copy of the templates and caches the
// fragments every page shares); the model and asset table are shared and
// read-only.
#include <map>
#include <string>
#include <vector>

#include "model/markdown_document.h"
#include "model/site_model.h"
#include "render/layouts.h"

namespace zhuanlan {

struct SitePages;  // render/internal_links.h

using AssetPaths = std::map<std::string, std::string>;  // template key (style_css) -> site-relative path

struct RenderInputs {
  const SiteModel* model = nullptr;
  const AssetPaths* assets = nullptr;
  std::vector<std::string> cards;  // news_card for each news item, as seen from kCardPagePath
  const SitePages* pages = nullptr;  // for links to content files; null: links stay as written
};

// Where the news cards of RenderInputs::cards are shown: one folder down.
inline constexpr std::string_view kCardPagePath = "news/index.html";

// Where a page sits and how it presents itself to browsers and sharing.
struct PageFrame {
  std::string path;         // site-relative path of the page
  std::string section;      // the id of the navigation entry that is current
  std::string title;        // empty on the home page
  std::string description;
  std::string image;        // site-relative path of the share picture
  bool article = false;
  bool absolute_links = false;  // 404.html is served at any depth
};

class PageRenderer {
 public:
  PageRenderer(const RenderInputs& inputs, LayoutSet layouts);

  // Building blocks. Each feature renders its own kinds of page with free
  // functions in its own file (render/<feature>_pages.cpp) that use these.
  const SiteModel& model() const { return model_; }
  // Values every template may use: root, school, site_title, theme, assets…
  kainjow::mustache::data common(const std::string& root);
  std::string render(const std::string& layout, const kainjow::mustache::data& data);
  // The site's wording (layouts/strings.json), e.g. text().get("活动.全天").
  SiteText& text() { return layouts_.text; }
  // Puts a page's content into base.mustache with header and footer.
  std::string wrap(const PageFrame& frame, const std::string& content);
  kainjow::mustache::data cards_of(const std::vector<std::size_t>& news, std::size_t begin, std::size_t end);
  // A Markdown body as the page at page_path shows it (render/markdown_html.h).
  std::string markdown(const std::shared_ptr<const MarkdownDocument>& document, const std::string& page_path,
                       bool image_above = false) const;
  std::string pagination(const PageSlice& slice, const std::string& first_path, const std::string& root);

  // The news card of every item, for RenderInputs::cards.
  std::string news_card(std::size_t index, const std::string& root);

  std::string home();
  std::string news_list(const PageSlice& slice);
  std::string day(std::size_t day_index, const PageSlice& slice);
  std::string news_item(std::size_t index);
  std::string term(const Term& term, bool is_department, const PageSlice& slice);
  std::string terms(bool departments);
  std::string free_page(std::size_t index);
  std::string not_found();

 private:
  const std::string& header(const std::string& root, const std::string& section);
  const std::string& footer(const std::string& root);
  // common(root), built once per root and reused by wrap().
  const kainjow::mustache::data& common_for(const std::string& root);

  const RenderInputs& inputs_;
  const SiteModel& model_;
  LayoutSet layouts_;
  std::map<std::string, std::string> header_cache_;
  std::map<std::string, std::string> footer_cache_;
  std::map<std::string, kainjow::mustache::data> common_cache_;
};

// The public address of a page: base_url + path, with index.html left off.
std::string public_url(const std::string& base_url, const std::string& path);

// Whether a news page shows the cover above the text: unless the text
// already shows it.
bool cover_shown_above(const NewsItem& item);

// A text for a template, or false when it is empty, so that {{#value}}
// sections disappear instead of showing an empty element.
kainjow::mustache::data text_or_false(const std::string& value);

}  // namespace zhuanlan
