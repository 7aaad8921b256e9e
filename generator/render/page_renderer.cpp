#include "render/page_renderer.h"

#include "render/exhibition_pages.h"
#include "render/image_tag.h"
#include "render/markdown_html.h"
#include "render/schedule_pages.h"
#include "util/paths.h"
#include "util/text.h"

namespace zhuanlan {

using kainjow::mustache::data;
using kainjow::mustache::list;
using kainjow::mustache::object;

namespace {

const std::string kIndex = "index.html";

std::string police_record_number(const std::string& text) {
  std::string digits;
  for (const char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

}  // namespace

data text_or_false(const std::string& value) { return value.empty() ? data(false) : data(value); }

std::string public_url(const std::string& base_url, const std::string& path) {
  if (path == kIndex) return base_url;
  if (path.size() > kIndex.size() && path.compare(path.size() - kIndex.size() - 1, std::string::npos, "/" + kIndex) == 0) {
    return base_url + path.substr(0, path.size() - kIndex.size());
  }
  return base_url + path;
}

PageRenderer::PageRenderer(const RenderInputs& inputs, LayoutSet layouts)
    : inputs_(inputs), model_(*inputs.model), layouts_(std::move(layouts)) {}

const data& PageRenderer::common_for(const std::string& root) {
  if (const auto it = common_cache_.find(root); it != common_cache_.end()) return it->second;
  return common_cache_[root] = common(root);
}

data PageRenderer::common(const std::string& root) {
  const SiteConfig& site = model_.site;
  data d;
  d.set("root", root);
  d.set("school", site.school);
  d.set("site_title", site.title);
  d.set("theme", site.theme);
  d.set("subtheme", text_or_false(site.subtheme));
  d.set("week_text", format_day_range_chinese(site.week.start, site.week.end));
  d.set("month_text", site.month ? data(format_day_range_chinese(site.month->start, site.month->end)) : data(false));
  d.set("base_url", site.base_url);
  data assets;
  for (const auto& [key, path] : *inputs_.assets) assets.set(key, path);
  d.set("assets", assets);
  d.set("has_departments", !model_.departments.empty());
  d.set("has_tags", !model_.tags.empty());
  return d;
}

const std::string& PageRenderer::header(const std::string& root, const std::string& section) {
  const std::string key = root + "\n" + section;
  if (const auto it = header_cache_.find(key); it != header_cache_.end()) return it->second;
  data d = common(root);
  list nav;
  const auto add = [&](const std::string& label, const std::string& url, const std::string& id) {
    data entry;
    entry.set("label", label);
    entry.set("url", url);
    entry.set("current", section == id);
    nav.push_back(entry);
  };
  for (const auto& entry : model_.nav) add(entry.label, entry.url, entry.id);
  d.set("nav", nav);
  return header_cache_[key] = layouts_.get("header").render(d);
}

const std::string& PageRenderer::footer(const std::string& root) {
  if (const auto it = footer_cache_.find(root); it != footer_cache_.end()) return it->second;
  const Footer& f = model_.site.footer;
  data d = common(root);
  d.set("copyright", text_or_false(f.copyright.empty() ? model_.site.school : f.copyright));
  d.set("icp", text_or_false(f.icp));
  d.set("police", text_or_false(f.police));
  const std::string police_number = police_record_number(f.police);
  d.set("police_url", police_number.empty()
                          ? std::string("https://beian.mps.gov.cn/")
                          : "https://beian.mps.gov.cn/#/query/webSearch?code=" + police_number);
  d.set("address", text_or_false(f.address));
  d.set("phone", text_or_false(f.phone));
  return footer_cache_[root] = layouts_.get("footer").render(d);
}

std::string PageRenderer::render(const std::string& layout, const data& d) { return layouts_.get(layout).render(d); }

std::string PageRenderer::wrap(const PageFrame& frame, const std::string& content) {
  const SiteConfig& site = model_.site;
  const std::string root = frame.absolute_links ? site.base_path : root_prefix_for(frame.path);
  // Only what differs between pages is built here; the values every page
  // shares come from common_for(root), built once per folder depth.
  data d;
  d.set("page_title", frame.title.empty() ? site.title + " - " + site.school
                                          : frame.title + " - " + site.title + " - " + site.school);
  d.set("title", text_or_false(frame.title));
  d.set("description", frame.description.empty() ? site.theme : frame.description);
  d.set("canonical", public_url(site.base_url, frame.path));
  d.set("og_type", frame.article ? "article" : "website");
  d.set("og_title", frame.title.empty() ? site.title : frame.title);
  d.set("og_image", frame.image.empty() ? data(false) : data(site.base_url + frame.image));
  d.set("header", header(root, frame.section));
  d.set("footer", footer(root));
  d.set("content", content);
  d.set("section", frame.section);
  kainjow::mustache::context<std::string> values(&common_for(root));
  values.push(&d);
  return layouts_.get("base").render(values);
}

bool cover_shown_above(const NewsItem& item) {
  if (!item.cover) return false;
  for (std::size_t k = 1; k < item.images.size(); ++k) {
    if (item.images[k].content_path == item.cover->content_path) return false;
  }
  return true;
}

std::string PageRenderer::markdown(const std::shared_ptr<const MarkdownDocument>& document,
                                   const std::string& page_path, bool image_above) const {
  return markdown_html(document, {page_path, image_above, inputs_.pages});
}

std::string PageRenderer::news_card(std::size_t index, const std::string& root) {
  const NewsItem& item = model_.news[index];
  data d;
  d.set("root", root);
  d.set("title", item.title);
  d.set("url", item.url);
  d.set("date_text", format_day_chinese(item.day));
  d.set("time", item.date.has_time ? data(format_time_china(item.date.utc)) : data(false));
  d.set("datetime", format_rfc3339_china(item.date.utc));
  d.set("department", item.department);
  d.set("summary", text_or_false(item.summary));
  d.set("top", item.top);
  d.set("draft", item.draft);  // only loaded with --drafts
  if (item.cover) {
    d.set("cover", item.cover->published_path);
    d.set("cover_alt", item.cover->alt);
    // The card's title says the same: the picture is decoration here.
    d.set("cover_img", card_image_tag(*item.cover, root));
  } else {
    d.set("cover", false);
    d.set("cover_img", false);
  }
  return layouts_.get("news_card").render(d);
}

data PageRenderer::cards_of(const std::vector<std::size_t>& news, std::size_t begin, std::size_t end) {
  list cards;
  for (std::size_t i = begin; i < end; ++i) {
    data entry;
    entry.set("card", inputs_.cards[news[i]]);
    cards.push_back(entry);
  }
  return cards;
}

std::string PageRenderer::pagination(const PageSlice& slice, const std::string& first_path, const std::string& root) {
  data d;
  d.set("show", slice.total > 1);
  d.set("current", std::to_string(slice.number));
  d.set("total", std::to_string(slice.total));
  d.set("prev_url", slice.number > 1 ? data(root + paged_path(first_path, slice.number - 1)) : data(false));
  d.set("next_url", slice.number < slice.total ? data(root + paged_path(first_path, slice.number + 1)) : data(false));
  // First, last and two either side of the current page; a gap marks the
  // rest. Only those are visited: all n pages of a list cost O(n), not O(n²).
  std::vector<int> shown{1};
  for (int n = std::max(2, slice.number - 2); n <= std::min(slice.total - 1, slice.number + 2); ++n) shown.push_back(n);
  if (slice.total > 1) shown.push_back(slice.total);
  list pages;
  int previous = 0;
  for (const int n : shown) {
    data entry;
    entry.set("number", std::to_string(n));
    entry.set("url", root + paged_path(first_path, n));
    entry.set("is_current", n == slice.number);
    entry.set("gap_before", previous != 0 && n != previous + 1);
    pages.push_back(entry);
    previous = n;
  }
  d.set("pages", pages);
  return layouts_.get("pagination").render(d);
}

std::string PageRenderer::home() {
  const std::string root;
  data d = common(root);
  list days;
  for (const Day day : model_.week_days) {
    data entry;
    entry.set("date_text", format_month_day_chinese(day));
    entry.set("weekday", weekday_chinese(day));
    const auto theme = model_.site.day_themes.find(day);
    entry.set("theme", theme == model_.site.day_themes.end() ? data(false) : data(theme->second));
    const auto with_news = std::find_if(model_.days.begin(), model_.days.end(),
                                        [&](const NewsDay& d) { return d.day == day; });
    entry.set("url", with_news == model_.days.end() ? data(false) : data(with_news->url));
    entry.set("count", with_news == model_.days.end() ? std::string("0") : std::to_string(with_news->news.size()));
    days.push_back(entry);
  }
  d.set("days", days);
  list news;
  for (const std::size_t i : model_.home_news) {
    data entry;
    entry.set("card", news_card(i, root));
    news.push_back(entry);
  }
  d.set("news", news);
  d.set("has_news", !model_.home_news.empty());
  d.set("more_news", model_.news.size() > model_.home_news.size());
  list pages;
  for (const auto& page : model_.pages) {
    data entry;
    entry.set("title", page.title);
    entry.set("url", page.url);
    entry.set("summary", text_or_false(page.summary));
    pages.push_back(entry);
  }
  d.set("pages", pages);
  d.set("has_pages", !model_.pages.empty());
  add_schedule_strip(model_, layouts_.text, d);
  d.set("showcase", exhibition_home(model_));
  std::string image;
  for (const std::size_t i : model_.home_news) {
    if (model_.news[i].cover) {
      image = model_.news[i].cover->published_path;
      break;
    }
  }
  return wrap({kIndex, "home", "", model_.site.theme + (model_.site.subtheme.empty() ? "" : "，" + model_.site.subtheme),
               image, false, false},
              layouts_.get("home").render(d));
}

std::string PageRenderer::news_list(const PageSlice& slice) {
  const std::string first_path = "news/index.html";
  const std::string path = paged_path(first_path, slice.number);
  const std::string root = root_prefix_for(path);
  data d = common(root);
  // Items are newest first; consecutive items of the same day share a heading.
  list groups;
  std::size_t i = slice.begin;
  while (i < slice.end) {
    const Day day = model_.news[i].day;
    std::size_t j = i;
    while (j < slice.end && model_.news[j].day == day) ++j;
    std::vector<std::size_t> indices;
    for (std::size_t k = i; k < j; ++k) indices.push_back(k);
    data group;
    group.set("date_text", format_day_chinese(day) + " " + weekday_chinese(day));
    group.set("day_url", "days/" + format_day_iso(day) + ".html");
    const auto theme = model_.site.day_themes.find(day);
    group.set("theme", theme == model_.site.day_themes.end() ? data(false) : data(theme->second));
    group.set("items", cards_of(indices, 0, indices.size()));
    groups.push_back(group);
    i = j;
  }
  d.set("groups", groups);
  d.set("has_news", !model_.news.empty());
  d.set("count", std::to_string(model_.news.size()));
  d.set("pagination", pagination(slice, first_path, root));
  SiteText& text = layouts_.text;
  const std::string title = slice.number > 1 ? text.fill("每日动态.分页标题", {{"页码", std::to_string(slice.number)}})
                                             : text.get("每日动态.标题");
  return wrap({path, "news", title, text.fill("每日动态.简介", {{"专栏", model_.site.title}}), "", false, false},
              layouts_.get("news_list").render(d));
}

std::string PageRenderer::day(std::size_t day_index, const PageSlice& slice) {
  const NewsDay& news_day = model_.days[day_index];
  const std::string path = paged_path(news_day.url, slice.number);
  const std::string root = root_prefix_for(path);
  data d = common(root);
  const std::string date_text = format_day_chinese(news_day.day) + " " + weekday_chinese(news_day.day);
  d.set("date_text", date_text);
  d.set("theme", text_or_false(news_day.theme));
  d.set("items", cards_of(news_day.news, slice.begin, slice.end));
  d.set("count", std::to_string(news_day.news.size()));
  d.set("pagination", pagination(slice, news_day.url, root));
  if (day_index > 0) {
    const NewsDay& before = model_.days[day_index - 1];
    data link;
    link.set("url", before.url);
    link.set("text", format_day_chinese(before.day) + " " + weekday_chinese(before.day));
    d.set("prev_day", link);
  } else {
    d.set("prev_day", false);
  }
  if (day_index + 1 < model_.days.size()) {
    const NewsDay& after = model_.days[day_index + 1];
    data link;
    link.set("url", after.url);
    link.set("text", format_day_chinese(after.day) + " " + weekday_chinese(after.day));
    d.set("next_day", link);
  } else {
    d.set("next_day", false);
  }
  return wrap({path, "news", date_text + (news_day.theme.empty() ? "" : " " + news_day.theme),
               layouts_.text.fill("某日新闻.简介", {{"专栏", model_.site.title}, {"日期", date_text}}), "", false, false},
              layouts_.get("day").render(d));
}

std::string PageRenderer::news_item(std::size_t index) {
  const NewsItem& item = model_.news[index];
  const std::string root = root_prefix_for(item.url);
  data d = common(root);
  d.set("title", item.title);
  d.set("date_text", format_day_chinese(item.day) + " " + weekday_chinese(item.day));
  d.set("time", item.date.has_time ? data(format_time_china(item.date.utc)) : data(false));
  d.set("datetime", format_rfc3339_china(item.date.utc));
  d.set("day_url", "days/" + format_day_iso(item.day) + ".html");
  d.set("department", item.department);
  const auto department = std::find_if(model_.departments.begin(), model_.departments.end(),
                                       [&](const Term& t) { return t.name == item.department; });
  d.set("department_url", department == model_.departments.end() ? data(false) : data(department->url));
  list byline;
  const auto credit = [&](const std::string& label, const std::string& value) {
    if (value.empty()) return;
    data entry;
    entry.set("label", label);
    entry.set("value", value);
    byline.push_back(entry);
  };
  const SiteText& text = layouts_.text;
  credit(text.get("新闻.署名.供稿"), item.department);
  credit(text.get("新闻.署名.文字"), item.author);
  credit(text.get("新闻.署名.摄影"), item.photographer);
  credit(text.get("新闻.署名.编辑"), item.editor);
  credit(text.get("新闻.署名.审核"), item.reviewer);
  d.set("byline", byline);
  d.set("reading_minutes", std::to_string(item.reading_minutes));
  const bool cover_above = cover_shown_above(item);
  d.set("body", markdown(item.body, item.url, cover_above));
  d.set("cover", cover_above ? data(item.cover->published_path) : data(false));
  d.set("cover_alt", item.cover ? item.cover->alt : std::string());
  d.set("cover_img", cover_above ? data(image_tag(*item.cover, root, false)) : data(false));
  d.set("cover_caption", cover_above ? text_or_false(item.cover->caption) : data(false));
  list tags;
  for (const auto& tag_name : item.tags) {
    const auto tag = std::find_if(model_.tags.begin(), model_.tags.end(),
                                  [&](const Term& t) { return t.name == tag_name; });
    if (tag == model_.tags.end()) continue;
    data entry;
    entry.set("name", tag->name);
    entry.set("url", tag->url);
    tags.push_back(entry);
  }
  d.set("tags", tags);
  d.set("has_tags", !item.tags.empty());
  d.set("top", item.top);
  d.set("draft", item.draft);  // only loaded with --drafts
  // Previous is the older item, next the newer one.
  const auto link_to = [&](std::size_t k) {
    data link;
    link.set("title", model_.news[k].title);
    link.set("url", model_.news[k].url);
    return link;
  };
  d.set("prev", index + 1 < model_.news.size() ? link_to(index + 1) : data(false));
  d.set("next", index > 0 ? link_to(index - 1) : data(false));
  if (const Activity* activity = model_.activity_of(item)) {
    data link;
    link.set("title", activity->title);
    link.set("url", activity->url);
    link.set("time_text", activity_time_text(*activity, layouts_.text));
    d.set("activity", link);
  } else {
    d.set("activity", false);
  }
  const std::string image = item.cover ? item.cover->published_path
                                       : (item.images.empty() ? std::string() : item.images.front().published_path);
  return wrap({item.url, "news", item.title, item.summary, image, true, false}, layouts_.get("news").render(d));
}

std::string PageRenderer::term(const Term& term, bool is_department, const PageSlice& slice) {
  const std::string path = paged_path(term.url, slice.number);
  const std::string root = root_prefix_for(path);
  data d = common(root);
  SiteText& text = layouts_.text;
  d.set("kind", text.get(is_department ? "供稿单位.标题" : "标签.标题"));
  d.set("index_url", is_department ? "departments/index.html" : "tags/index.html");
  d.set("name", term.name);
  d.set("count", std::to_string(term.news.size()));
  d.set("items", cards_of(term.news, slice.begin, slice.end));
  d.set("pagination", pagination(slice, term.url, root));
  // A department's activities head its first page.
  const bool show_activities = is_department && slice.number == 1 &&
                               model_.department_activities.count(term.name) > 0;
  d.set("activities", show_activities ? department_activities(model_, term.name, text) : data(false));
  d.set("has_activities", show_activities);
  const std::string title =
      text.fill(is_department ? "供稿单位页.标题" : "标签页.标题", {{"名称", term.name}}) +
      (slice.number > 1 ? text.fill("分类页.分页后缀", {{"页码", std::to_string(slice.number)}}) : "");
  return wrap({path, "news", title, text.fill("分类页.简介", {{"名称", term.name}}), "", false, false},
              layouts_.get("term").render(d));
}

std::string PageRenderer::terms(bool departments) {
  const std::string path = departments ? "departments/index.html" : "tags/index.html";
  const std::string root = root_prefix_for(path);
  data d = common(root);
  const std::string title = layouts_.text.get(departments ? "供稿单位.标题" : "标签.标题");
  d.set("kind", title);
  list entries;
  for (const Term& term : departments ? model_.departments : model_.tags) {
    data entry;
    entry.set("name", term.name);
    entry.set("url", term.url);
    entry.set("count", std::to_string(term.news.size()));
    entries.push_back(entry);
  }
  d.set("terms", entries);
  return wrap({path, "news", title, layouts_.text.fill("分类列表.简介", {{"专栏", model_.site.title}, {"标题", title}}),
               "", false, false},
              layouts_.get("terms").render(d));
}

std::string PageRenderer::free_page(std::size_t index) {
  const FreePage& page = model_.pages[index];
  const std::string root = root_prefix_for(page.url);
  data d = common(root);
  d.set("title", page.title);
  d.set("body", markdown(page.body, page.url));
  return wrap({page.url, page.url, page.title, page.summary,
               page.images.empty() ? std::string() : page.images.front().published_path, false, false},
              layouts_.get("page").render(d));
}

std::string PageRenderer::not_found() {
  // Servers show 404.html for any missing address, at any depth, so its
  // links start from the site's base path rather than from the page.
  data d = common(model_.site.base_path);
  return wrap({"404.html", "", layouts_.text.get("未找到.标题"), layouts_.text.get("未找到.简介"), "", false, true},
              layouts_.get("404").render(d));
}

}  // namespace zhuanlan
