#include "validate/validate_content.h"

#include <algorithm>
#include <map>
#include <set>

namespace zhuanlan {
namespace {

std::u32string code_points(const std::string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? b : b & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    out.push_back(cp);
    i += length;
  }
  return out;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

void report_duplicate_urls(const std::vector<std::pair<std::string, std::string>>& url_and_source,
                           Diagnostics& diagnostics) {
  std::map<std::string, std::string> first_source;
  for (const auto& [url, source] : url_and_source) {
    const auto [it, inserted] = first_source.emplace(url, source);
    if (!inserted) {
      diagnostics.error(source, 1,
                        "与 " + it->second + " 的网址相同（都会发布为 " + url +
                            "），请给其中一篇换一个文件名，或在 front matter 中写不同的 slug");
    }
  }
}

}  // namespace

std::string nearest_name(const std::string& name, const std::vector<std::string>& candidates) {
  const std::u32string target = code_points(name);
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, target.size() / 2) + 1;
  for (const auto& candidate : candidates) {
    const std::size_t distance = edit_distance(target, code_points(candidate));
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

void validate_content(const Content& content, Diagnostics& diagnostics) {
  std::vector<std::pair<std::string, std::string>> news_urls;
  for (const auto& item : content.news) news_urls.emplace_back(item.url, item.source);
  report_duplicate_urls(news_urls, diagnostics);
  std::vector<std::pair<std::string, std::string>> page_urls;
  for (const auto& page : content.pages) page_urls.emplace_back(page.url, page.source);
  report_duplicate_urls(page_urls, diagnostics);

  const SiteConfig& site = content.site;
  const std::set<std::string> departments(site.departments.begin(), site.departments.end());
  const DayRange span = site.month.value_or(site.week);
  for (const auto& item : content.news) {
    if (!departments.empty() && !item.department.empty() && departments.count(item.department) == 0) {
      const std::string near = nearest_name(item.department, site.departments);
      diagnostics.warning(item.source, 0,
                          "供稿单位“" + item.department + "”不在 site.json 的 departments 名单中" +
                              (near.empty() ? "，请检查名称或把它加进名单" : "，是不是“" + near + "”？"));
    }
    if (item.date.utc.time_since_epoch().count() != 0 && (item.day < span.start || item.day > span.end)) {
      diagnostics.warning(item.source, 0,
                          "发布日期 " + format_day_iso(item.day) + " 不在活动周（月）" +
                              format_day_iso(span.start) + " 至 " + format_day_iso(span.end) + " 之内，请确认日期");
    }
  }
}

}  // namespace zhuanlan
