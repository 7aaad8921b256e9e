#include "load/news_loader.h"

#include <optional>

#include "load/front_matter.h"
#include "load/markdown.h"
#include "load/markdown_file.h"
#include "load/review_record.h"
#include "util/nearest_name.h"
#include "util/files.h"
#include "util/parallel.h"
#include "util/text.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kSummaryChars = 120;

std::optional<NewsItem> load_news_item(const LoadContext& context, const fs::path& path, Diagnostics& diagnostics) {
  const SiteConfig& site = context.site;
  auto file = read_markdown_file(context.site_dir, path, diagnostics);
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
  if (const auto warning = unlisted_name_warning(item.department, site.departments, "供稿单位", "departments");
      !warning.empty()) {
    diagnostics.warning(file->source, fields.line_of("department"), warning);
  }
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
  item.lines = {fields.written_line("slug"),     fields.written_line("date"),     fields.written_line("department"),
                fields.written_line("tags"),     fields.written_line("activity"), fields.written_line("featured"),
                fields.written_line("cover")};
  if (site.require_reviewer && item.reviewer.empty() && !item.draft) {
    diagnostics.error(file->source, fields.line_of("reviewer"),
                      "本站要求每条新闻经过审核后发布（site.json 中 review.require_reviewer 为 true），"
                      "请在 front matter 中写上审核人，例如 reviewer: 某某；尚未审核的稿件请加 draft: true");
  }
  if (auto at = fields.text("publish_at", false, "定时发布的时间，例如 2025-05-14 08:00")) {
    std::string error;
    if (auto stamp = parse_timestamp(*at, &error)) {
      item.publish_at = *stamp;
    } else {
      diagnostics.error(file->source, fields.line_of("publish_at"), "publish_at：" + error);
    }
  }
  item.reviews = read_reviews(fields, diagnostics);
  if (!item.draft) {
    const Day published = item.publish_at ? china_day(item.publish_at->utc) : item.day;
    check_review_chain(item.reviews, site.review_stages, published, file->source, fields.line_of("reviews"),
                       diagnostics);
  }
  const std::string cover_caption = collapse_whitespace(fields.text("cover_caption", false, "封面图片说明").value_or(""));
  if (auto cover = image_field(fields, "cover", "封面图片", *file, context, diagnostics)) {
    cover->alt = item.title;
    cover->caption = cover_caption;
    item.cover = cover;
    item.images.push_back(*cover);
  } else if (!cover_caption.empty()) {
    diagnostics.warning(file->source, fields.line_of("cover_caption"),
                        "写了 cover_caption（封面图片说明），但没有 cover（封面图片），这条说明不会显示");
  }
  fields.warn_unknown_keys();

  item.body = parse_body(*file, context, diagnostics);
  const std::string plain = collapse_whitespace(item.body->plain_text);
  if (item.summary.empty()) item.summary = make_summary(plain, kSummaryChars);
  item.reading_minutes = reading_minutes(plain);
  for (const auto& image : item.body->images) item.images.push_back(image);
  return item;
}

std::optional<FreePage> load_free_page(const LoadContext& context, const fs::path& path, Diagnostics& diagnostics) {
  auto file = read_markdown_file(context.site_dir, path, diagnostics);
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
  page.lines.slug = fields.written_line("slug");
  fields.warn_unknown_keys();
  page.body = parse_body(*file, context, diagnostics);
  if (page.summary.empty()) page.summary = make_summary(collapse_whitespace(page.body->plain_text), kSummaryChars);
  page.images = page.body->images;
  return page;
}

}  // namespace

std::vector<NewsItem> load_news(const LoadContext& context, bool include_drafts, Diagnostics& diagnostics) {
  const auto files = list_files(context.content_dir() / "news", ".md");
  auto items = load_all<NewsItem>(files, diagnostics, [&](const fs::path& path, Diagnostics& found) {
    auto item = load_news_item(context, path, found);
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

std::vector<FreePage> load_pages(const LoadContext& context, Diagnostics& diagnostics) {
  const auto files = list_files(context.content_dir() / "pages", ".md");
  return load_all<FreePage>(files, diagnostics, [&](const fs::path& path, Diagnostics& found) {
    return load_free_page(context, path, found);
  });
}

}  // namespace zhuanlan
