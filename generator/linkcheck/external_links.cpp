#include "linkcheck/external_links.h"

#include <algorithm>
#include <tuple>

#include "model/markdown_document.h"

namespace zhuanlan {
namespace {

void add_body_links(const std::shared_ptr<const MarkdownDocument>& body, std::vector<ExternalLink>& out) {
  if (!body) return;
  for (const MarkdownLink& link : body->links) {
    if (is_external_url(link.url)) out.push_back({link.url, body->source, link.line});
  }
}

void add_link(const std::string& url, const std::string& file, int line, std::vector<ExternalLink>& out) {
  if (is_external_url(url)) out.push_back({url, file, line});
}

}  // namespace

bool is_external_url(const std::string& url) {
  std::string scheme;
  for (const char c : url.substr(0, 8)) scheme += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return scheme.rfind("http://", 0) == 0 || scheme.rfind("https://", 0) == 0;
}

std::vector<ExternalLink> external_links(const SiteModel& model) {
  std::vector<ExternalLink> out;
  for (const NewsItem& item : model.news) add_body_links(item.body, out);
  for (const FreePage& page : model.pages) add_body_links(page.body, out);
  for (const Activity& activity : model.activities) add_body_links(activity.summary_markdown, out);
  for (const MediaReport& report : model.media) add_link(report.url, report.source, report.line, out);
  for (const Achievement& achievement : model.exhibition.exhibits) {
    add_body_links(achievement.summary_markdown, out);
    add_link(achievement.link, achievement.source, achievement.line, out);
  }
  for (const Person& person : model.exhibition.people) add_body_links(person.story_markdown, out);
  if (model.tour) {
    for (const TourStop& stop : model.tour->stops) {
      add_body_links(stop.description_markdown, out);
      add_link(stop.external_url, model.tour->source, stop.line, out);
    }
  }
  std::sort(out.begin(), out.end(), [](const ExternalLink& a, const ExternalLink& b) {
    return std::tie(a.file, a.line, a.url) < std::tie(b.file, b.line, b.url);
  });
  return out;
}

}  // namespace zhuanlan
