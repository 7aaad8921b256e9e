#include "render/feeds.h"

#include <map>

#include "render/markdown_html.h"
#include "render/page_renderer.h"
#include "util/text.h"

namespace zhuanlan {

std::string atom_feed(const SiteModel& model, const SitePages* pages) {
  const SiteConfig& site = model.site;
  std::string out;
  out += "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n";
  out += "  <title>" + xml_escape(site.title + " - " + site.school) + "</title>\n";
  out += "  <subtitle>" + xml_escape(site.theme) + "</subtitle>\n";
  out += "  <link href=\"" + xml_escape(site.base_url) + "\"/>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(site.base_url + "feed.xml") + "\"/>\n";
  out += "  <id>" + xml_escape(site.base_url) + "</id>\n";
  // The newest item's time, not the build's, so that the same content gives the same bytes.
  const std::string updated = model.news.empty() ? format_day_iso(site.week.start) + "T00:00:00+08:00"
                                                 : format_rfc3339_china(model.news.front().date.utc);
  out += "  <updated>" + updated + "</updated>\n";
  out += "  <author><name>" + xml_escape(site.school) + "</name></author>\n";
  for (std::size_t i = 0; i < model.news.size() && i < kFeedEntries; ++i) {
    const NewsItem& item = model.news[i];
    const std::string url = public_url(site.base_url, item.url);
    const std::string when = format_rfc3339_china(item.date.utc);
    out += "  <entry>\n";
    out += "    <title>" + xml_escape(item.title) + "</title>\n";
    out += "    <link href=\"" + xml_escape(url) + "\"/>\n";
    out += "    <id>" + xml_escape(url) + "</id>\n";
    out += "    <published>" + when + "</published>\n";
    out += "    <updated>" + when + "</updated>\n";
    out += "    <author><name>" + xml_escape(item.department) + "</name></author>\n";
    for (const auto& tag : item.tags) out += "    <category term=\"" + xml_escape(tag) + "\"/>\n";
    if (!item.summary.empty()) out += "    <summary>" + xml_escape(item.summary) + "</summary>\n";
    // The body's links are relative to the item's page; xml:base says so.
    out += "    <content type=\"html\" xml:base=\"" + xml_escape(url) + "\">" + xml_escape(markdown_html(item.body, {item.url, cover_shown_above(item), pages})) +
           "</content>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string sitemap_xml(const SiteModel& model, const std::vector<std::string>& page_paths) {
  std::map<std::string, std::string> last_modified;
  for (const auto& item : model.news) last_modified[item.url] = format_day_iso(item.day);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& path : page_paths) {
    out += "  <url><loc>" + xml_escape(public_url(model.site.base_url, path)) + "</loc>";
    if (const auto it = last_modified.find(path); it != last_modified.end()) out += "<lastmod>" + it->second + "</lastmod>";
    out += "</url>\n";
  }
  out += "</urlset>\n";
  return out;
}

}  // namespace zhuanlan
