#include "render/internal_links.h"

#include <filesystem>
#include <optional>

#include "util/nearest_name.h"
#include "util/paths.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

// "http:", "mailto:", "//host": another site, not checked here.
bool is_external(std::string_view url) {
  if (url.substr(0, 2) == "//") return true;
  for (std::size_t i = 0; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') return i > 0;
    if (c == '/' || c == '?' || c == '#') return false;
  }
  return false;
}

std::string normal(const std::filesystem::path& path) { return path.lexically_normal().generic_string(); }

// Where an internal link leads, if it names a page of the site.
struct Target {
  enum Kind { kNone, kContentFile, kPage } kind = kNone;
  std::string path;      // content path (kContentFile) or output path (kPage)
  std::string fragment;  // decoded, without '#'
  bool has_fragment = false;
};

Target target_of(const MarkdownDocument& document, std::string_view url, std::string_view page) {
  Target out;
  if (url.empty() || is_external(url)) return out;
  std::string_view path = url;
  if (const auto hash = path.find('#'); hash != std::string_view::npos) {
    out.has_fragment = true;
    out.fragment = percent_decode(path.substr(hash + 1));
    path = path.substr(0, hash);
  }
  if (const auto query = path.find('?'); query != std::string_view::npos) path = path.substr(0, query);
  const std::string decoded = percent_decode(path);
  if (decoded.empty()) {
    if (!out.has_fragment) return out;
    out.kind = Target::kPage;
    out.path = std::string(page);
    return out;
  }
  if (decoded.front() == '/') return out;  // from the server's root: the site may live under any base path
  namespace fs = std::filesystem;
  if (decoded.size() > 3 && decoded.compare(decoded.size() - 3, 3, ".md") == 0) {
    // Written as paths to images are: from content/, or from the file's folder with ./ and ../.
    const bool relative_to_file = decoded.rfind("./", 0) == 0 || decoded.rfind("../", 0) == 0;
    out.kind = Target::kContentFile;
    out.path = normal(relative_to_file ? fs::path(document.dir_in_content) / decoded : fs::path(decoded));
    return out;
  }
  const bool folder = decoded.back() == '/';
  if (!folder && !(decoded.size() > 5 && decoded.compare(decoded.size() - 5, 5, ".html") == 0)) return out;
  std::string resolved = normal(fs::path(std::string(page)).parent_path() / decoded);
  if (resolved.rfind("..", 0) == 0) return out;  // above the site: not ours to check
  if (resolved == "." || resolved == "./") resolved = "index.html";
  else if (resolved.back() == '/') resolved += "index.html";
  else if (folder) resolved += "/index.html";
  out.kind = Target::kPage;
  out.path = resolved;
  return out;
}

std::string suggestion(const std::string& wrong, const std::vector<std::string>& candidates, const std::string& shown) {
  const std::string near = nearest_name(wrong, candidates);
  return near.empty() ? "" : "，是不是“" + shown + near + "”？";
}

}  // namespace

std::vector<ShownDocument> shown_documents(const SiteModel& model) {
  std::vector<ShownDocument> out;
  const auto add = [&](const std::shared_ptr<const MarkdownDocument>& document, const std::string& page) {
    if (document) out.push_back({document.get(), page});
  };
  for (const auto& item : model.news) add(item.body, item.url);
  for (const auto& page : model.pages) add(page.body, page.url);
  for (const auto& activity : model.activities) add(activity.summary_markdown, activity.url);
  for (const auto& achievement : model.exhibition.exhibits) add(achievement.summary_markdown, achievement.url);
  for (const auto& person : model.exhibition.people) add(person.story_markdown, person.url);
  if (model.tour) {
    for (const auto& stop : model.tour->stops) add(stop.description_markdown, stop.url);
  }
  return out;
}

SitePages site_pages(const SiteModel& model, const std::vector<std::string>& page_paths) {
  SitePages out;
  out.paths.insert(page_paths.begin(), page_paths.end());
  const auto content_file = [&](const std::string& source, const std::string& url) {
    constexpr std::string_view kContent = "content/";
    if (source.rfind(kContent, 0) == 0) out.content_pages[source.substr(kContent.size())] = url;
  };
  for (const auto& item : model.news) content_file(item.source, item.url);
  for (const auto& page : model.pages) content_file(page.source, page.url);
  for (const auto& person : model.exhibition.people) content_file(person.source, person.url);
  for (const auto& shown : shown_documents(model)) {
    auto& ids = out.ids[shown.page];
    for (const auto& heading : shown.document->headings) ids.insert(heading.id);
  }
  return out;
}

void check_internal_links(const SiteModel& model, const SitePages& pages, Diagnostics& diagnostics) {
  std::vector<std::string> content_files, page_paths;
  for (const auto& [file, page] : pages.content_pages) content_files.push_back(file);
  for (const auto& path : pages.paths) {
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) page_paths.push_back(path);
  }
  for (const auto& shown : shown_documents(model)) {
    const MarkdownDocument& document = *shown.document;
    for (const auto& link : document.links) {
      const Target target = target_of(document, link.url, shown.page);
      const std::string quoted = "链接“" + link.url + "”";
      std::string page;
      if (target.kind == Target::kContentFile) {
        const auto found = pages.content_pages.find(target.path);
        if (found == pages.content_pages.end()) {
          diagnostics.error(document.source, link.line,
                            quoted + "指向 content/" + target.path +
                                "，但那里没有本站的新闻、页面或人物文件。请检查路径（从 content/ 写起，或用 ./ 和 ../ "
                                "从本文件所在的文件夹写起）" +
                                suggestion(target.path, content_files, ""));
          continue;
        }
        page = found->second;
      } else if (target.kind == Target::kPage) {
        if (pages.paths.count(target.path) == 0) {
          diagnostics.error(document.source, link.line,
                            quoted + "指向本站的 " + target.path +
                                "，但本站没有这个页面。请改成已有页面的地址，或直接写内容文件的路径（例如 "
                                "news/2025-05-13/a.md），生成时会换成它的网址" +
                                suggestion(target.path, page_paths, ""));
          continue;
        }
        page = target.path;
      } else {
        continue;
      }
      if (!target.has_fragment || target.fragment.empty()) continue;
      const auto ids = pages.ids.find(page);
      if (ids == pages.ids.end()) continue;  // a list page: its ids come from templates
      if (ids->second.count(target.fragment) == 0) {
        std::vector<std::string> known;
        for (const auto& id : ids->second) known.push_back("#" + id);
        std::string hint = suggestion("#" + target.fragment, known, "");
        if (hint.empty()) {
          hint = known.empty() ? "（那个页面没有小标题，可以去掉 # 及后面的部分）"
                               : "。那个页面的小标题有：" + join(known);
        }
        diagnostics.error(document.source, link.line,
                          quoted + "中的 #" + target.fragment + " 在 " + page +
                              " 上找不到：那里没有这个标题。# 后面请写页面上某个小标题的文字，空格写成 -" + hint);
      }
    }
  }
}

std::string rewritten_link(const MarkdownDocument& document, const MarkdownLink& link, std::string_view page,
                           const SitePages& pages) {
  const Target target = target_of(document, link.url, page);
  if (target.kind != Target::kContentFile) return link.url;
  const auto found = pages.content_pages.find(target.path);
  if (found == pages.content_pages.end()) return link.url;
  const auto hash = link.url.find('#');
  return root_prefix_for(page) + found->second + (hash == std::string::npos ? "" : link.url.substr(hash));
}

}  // namespace zhuanlan
