#include "load/news_loader.h"

#include <optional>

#include "load/front_matter.h"
#include "load/image_refs.h"
#include "load/markdown.h"
#include "load/yaml_fields.h"
#include "util/files.h"
#include "util/parallel.h"
#include "util/text.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kSummaryChars = 120;

// What every Markdown file with front matter shares: bytes checked as UTF-8,
// front matter split and parsed.
struct MarkdownFile {
  std::string source;            // content/news/a.md
  std::string dir_in_content;    // news
  std::string text;
  FrontMatterSplit split;
  YAML::Node front_matter;
};

std::optional<MarkdownFile> read_markdown_file(const fs::path& site_dir, const fs::path& path,
                                               Diagnostics& diagnostics) {
  MarkdownFile file;
  const fs::path relative = path.lexically_relative(site_dir);
  file.source = relative.generic_string();
  file.dir_in_content = path.parent_path().lexically_relative(site_dir / "content").generic_string();
  if (file.dir_in_content == ".") file.dir_in_content.clear();
  auto text = read_file(path);
  if (!text) {
    diagnostics.error(file.source, 0, "无法读取这个文件，请检查文件权限");
    return std::nullopt;
  }
  file.text = std::move(*text);
  if (const auto bad = find_invalid_utf8(file.text)) {
    int line = 1;
    for (std::size_t i = 0; i < *bad; ++i) line += file.text[i] == '\n';
    diagnostics.error(file.source, line,
                      "文件不是有效的 UTF-8 编码（第 " + std::to_string(*bad + 1) +
                          " 个字节处）。请在编辑器中把文件另存为“UTF-8”编码（Windows 记事本：另存为 → 编码选 UTF-8）");
    return std::nullopt;
  }
  std::string error;
  int error_line = 0;
  auto split = split_front_matter(file.text, &error, &error_line);
  if (!split) {
    diagnostics.error(file.source, error_line, error);
    return std::nullopt;
  }
  if (!split->present) {
    diagnostics.error(file.source, 1,
                      "文件开头缺少 front matter。请在第一行写 ---，接着写 title: 标题 等字段，再写一行 --- 后开始正文");
    return std::nullopt;
  }
  file.split = *split;
  auto yaml = parse_front_matter_yaml(std::string(split->yaml), file.source, split->yaml_first_line, diagnostics);
  if (!yaml) return std::nullopt;
  file.front_matter = *yaml;
  return file;
}

std::string slug_for(YamlFields& fields, const fs::path& path, Diagnostics& diagnostics) {
  if (auto slug = fields.text("slug", false, "网址名")) {
    if (is_valid_slug(*slug)) return *slug;
    diagnostics.error(fields.file(), fields.line_of("slug"),
                      "slug “" + *slug + "”只能由小写英文字母、数字和 - 组成，例如 slug: auto-repair-contest");
  }
  return ascii_slug(path.stem().string());
}

std::optional<NewsItem> load_news_item(const fs::path& site_dir, const fs::path& path, const SiteConfig& site,
                                       Diagnostics& diagnostics) {
  auto file = read_markdown_file(site_dir, path, diagnostics);
  if (!file) return std::nullopt;
  YamlFields fields(file->front_matter, file->source, file->split.yaml_first_line, diagnostics);
  NewsItem item;
  item.source = file->source;
  item.title = collapse_whitespace(fields.text("title", true, "新闻标题").value_or(""));
  if (auto date = fields.text("date", true, "发布时间，例如 2025-05-13 16:30")) {
    std::string error;
    if (auto stamp = parse_timestamp(*date, &error)) {
      item.date = *stamp;
      item.day = china_day(stamp->utc);
    } else {
      diagnostics.error(file->source, fields.line_of("date"), error);
    }
  }
  item.department = fields.text("department", true, "供稿单位").value_or("");
  item.author = fields.text("author", false, "文字作者").value_or("");
  item.photographer = fields.text("photographer", false, "摄影").value_or("");
  item.editor = fields.text("editor", false, "编辑").value_or("");
  item.reviewer = fields.text("reviewer", false, "审核").value_or("");
  item.activity = fields.text("activity", false, "所报道活动的 id").value_or("");
  if (!item.activity.empty() && !is_valid_slug(item.activity)) {
    diagnostics.error(file->source, fields.line_of("activity"),
                      "activity 应当填写活动的 id（小写英文字母、数字和 -），例如 activity: auto-repair-contest");
  }
  item.tags = fields.text_list("tags");
  item.summary = collapse_whitespace(fields.text("summary", false, "摘要").value_or(""));
  item.top = fields.boolean("top", false);
  item.featured = fields.boolean("featured", false);
  item.draft = fields.boolean("draft", false);
  item.slug = slug_for(fields, path, diagnostics);
  item.url = "news/" + item.slug + ".html";
  if (site.require_reviewer && item.reviewer.empty() && !item.draft) {
    diagnostics.error(file->source, 1,
                      "本站要求每条新闻经过审核后发布（site.json 中 review.require_reviewer 为 true），"
                      "请在 front matter 中写上审核人，例如 reviewer: 某某；尚未审核的稿件请加 draft: true");
  }
  if (auto cover = fields.text("cover", false, "封面图片")) {
    std::string error;
    if (auto image = resolve_image(site_dir / "content", file->dir_in_content, *cover, site.images, &error)) {
      image->alt = item.title;
      item.cover = image;
      item.images.push_back(*image);
    } else {
      diagnostics.error(file->source, fields.line_of("cover"), "封面图片" + error);
    }
  }
  fields.warn_unknown_keys();

  MarkdownSource markdown{file->split.body,    file->source, file->split.body_first_line, site_dir / "content",
                          file->dir_in_content, "../",        site.raw_html,               site.images,
                          item.cover ? item.cover->content_path : ""};
  RenderedMarkdown body = render_markdown(markdown, diagnostics);
  item.body_html = std::move(body.html);
  const std::string plain = collapse_whitespace(body.plain_text);
  if (item.summary.empty()) item.summary = make_summary(plain, kSummaryChars);
  item.reading_minutes = reading_minutes(plain);
  for (auto& image : body.images) item.images.push_back(std::move(image));
  return item;
}

std::optional<FreePage> load_free_page(const fs::path& site_dir, const fs::path& path, const SiteConfig& site,
                                       Diagnostics& diagnostics) {
  auto file = read_markdown_file(site_dir, path, diagnostics);
  if (!file) return std::nullopt;
  YamlFields fields(file->front_matter, file->source, file->split.yaml_first_line, diagnostics);
  FreePage page;
  page.source = file->source;
  page.title = collapse_whitespace(fields.text("title", true, "页面标题").value_or(""));
  page.summary = collapse_whitespace(fields.text("summary", false, "摘要").value_or(""));
  page.menu = collapse_whitespace(fields.text("menu", false, "导航栏中的简短名称").value_or(page.title));
  page.order = static_cast<int>(fields.integer("order").value_or(0));
  page.slug = slug_for(fields, path, diagnostics);
  page.url = "pages/" + page.slug + ".html";
  fields.warn_unknown_keys();
  MarkdownSource markdown{file->split.body,    file->source, file->split.body_first_line, site_dir / "content",
                          file->dir_in_content, "../",        site.raw_html,               site.images,
                          ""};
  RenderedMarkdown body = render_markdown(markdown, diagnostics);
  page.body_html = std::move(body.html);
  if (page.summary.empty()) page.summary = make_summary(collapse_whitespace(body.plain_text), kSummaryChars);
  page.images = std::move(body.images);
  return page;
}

// Loads files in parallel; results and messages come back in file order.
template <typename Item, typename LoadOne>
std::vector<Item> load_all(const std::vector<fs::path>& files, Diagnostics& diagnostics, LoadOne load_one) {
  std::vector<std::optional<Item>> loaded(files.size());
  std::vector<Diagnostics> found(files.size());
  parallel_for(files.size(), [&](std::size_t i) { loaded[i] = load_one(files[i], found[i]); });
  std::vector<Item> out;
  out.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    diagnostics.append(found[i]);
    if (loaded[i]) out.push_back(std::move(*loaded[i]));
  }
  return out;
}

}  // namespace

std::vector<NewsItem> load_news(const fs::path& site_dir, const SiteConfig& site, bool include_drafts,
                                Diagnostics& diagnostics) {
  const auto files = list_files(site_dir / "content" / "news", ".md");
  auto items = load_all<NewsItem>(files, diagnostics, [&](const fs::path& path, Diagnostics& found) {
    auto item = load_news_item(site_dir, path, site, found);
    if (item && item->draft && !include_drafts) {
      for (auto& d : found.items) {
        if (d.severity == Severity::error) d.message = "（草稿，不发布）" + d.message;
        d.severity = Severity::warning;
      }
      return std::optional<NewsItem>{};
    }
    return item;
  });
  return items;
}

std::vector<FreePage> load_pages(const fs::path& site_dir, const SiteConfig& site, Diagnostics& diagnostics) {
  const auto files = list_files(site_dir / "content" / "pages", ".md");
  return load_all<FreePage>(files, diagnostics, [&](const fs::path& path, Diagnostics& found) {
    return load_free_page(site_dir, path, site, found);
  });
}

}  // namespace zhuanlan
