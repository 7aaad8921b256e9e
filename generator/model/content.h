#pragma once
// What the users wrote, after loading: plain structs, one per kind of
// content. Later stages read them; nothing here knows about HTML layout.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "util/dates.h"

namespace zhuanlan {

struct DayRange {
  Day start{};
  Day end{};  // inclusive
};

struct Footer {
  std::string copyright, icp, police, address, phone;
};

struct ReportInfo {
  std::string contact, position, mobile, qq, plan, featured;
  int plan_line = 0, featured_line = 0;  // in site.json, for messages
  // The official forms (model/report_forms.h): the 填报单位 printed above
  // the tables (empty: the school), and the distinct students who took part,
  // the only figure a coverage rate can be computed from.
  std::string unit;
  std::optional<long long> students_participating;
};

// site.json "deploy": where `zhuanlan deploy` publishes (generator/deploy/).
// Only places; secrets come from the environment, never from the site folder.
struct DeploySettings {
  std::string url, endpoint, region;
  int line = 0;  // of "deploy" in site.json, for messages
};

struct MarkdownDocument;  // model/markdown_document.h

// site.json "images": how photos are published and what check reports.
struct ImageSettings {
  bool publish_originals = false;  // also publish full-size copies (metadata removed)
  long long max_bytes = 0;         // check warns about photo files larger than this; 0: no limit
};

struct SiteConfig {
  std::string school, title, theme, subtheme;
  DayRange week;
  std::optional<DayRange> month;
  std::string base_url;   // absolute, always ends with '/'
  std::string base_path;  // the path part of base_url, e.g. /zjz2025/
  std::map<Day, std::string> day_themes;
  std::vector<std::string> departments;
  std::optional<long long> students_total;
  bool require_reviewer = false;
  std::vector<std::string> review_stages;  // review.stages, e.g. 初审, 复审, 终审 (三审): each needs a signature
  bool raw_html = false;  // markdown.raw_html: pass raw HTML through (tagfilter still applies)
  int news_per_page = 20;
  ImageSettings images;
  Footer footer;
  ReportInfo report;
  std::vector<std::string> people_roles;  // people.roles: the order of roles on the people page
  DeploySettings deploy;
};

// An image used by content: where it comes from and where it is published.
// Pages show it through image_tag() (render/image_tag.h), which lists the web
// versions the writer makes (model/image_variants.h).
struct ImageRef {
  std::string content_path;    // relative to content/, e.g. images/2025-05-13/a.jpg
  std::string published_path;  // relative to the site root, ASCII: the largest web version
  std::string alt;
  std::string caption;
  // The size the photo is shown at (EXIF orientation applied), read from
  // the file's header while loading (load/image_refs.h); 0 until then.
  int width = 0, height = 0;
  bool panorama = false;           // a 360° photo: sized for the panorama viewer
  bool original_published = false;  // the site publishes full-size copies (images.publish_originals)
};

// Where a Markdown file wrote the fields that later stages check, so that a
// message about a slug, a department or a tag points at its line. 0 means the
// field was not written (a slug then comes from the file name).
struct FieldLines {
  int slug = 0, date = 0, department = 0, tags = 0, activity = 0;
  int featured = 0, cover = 0;  // news only: the report's 精选图片 (model/featured_photos.h)
};

// One signature of a news item's review record (reviews: in front matter).
struct ReviewSignature {
  std::string stage, by;
  Day date{};
  int line = 0;  // file line of the entry
};

struct NewsItem {
  std::string source;  // as shown in messages, e.g. content/news/2025-05-13/a.md
  FieldLines lines;
  std::string slug;
  std::string url;     // site-relative: news/<slug>.html
  std::string title, department, author, photographer, editor, reviewer, activity;
  std::optional<ImageRef> cover;  // its caption is cover_caption
  std::vector<std::string> tags;
  std::string summary;  // given, or made from the body
  bool top = false, featured = false, draft = false;
  Timestamp date;
  Day day{};            // the China-time day it was published on
  std::shared_ptr<const MarkdownDocument> body;  // HTML made by render/markdown_html.h
  int reading_minutes = 1;
  std::vector<ImageRef> images;  // the cover and every image in the body
  std::vector<ReviewSignature> reviews;  // in the order written
  std::optional<Timestamp> publish_at;   // not published before this time (China time when no offset)
};

struct FreePage {
  std::string source;
  FieldLines lines;
  std::string slug;
  std::string url;  // pages/<slug>.html
  std::string title, summary;
  std::string menu;  // the short label in the navigation; the title when not given
  int order = 0;
  std::shared_ptr<const MarkdownDocument> body;
  std::vector<ImageRef> images;
};

// Participation figures of one activity. A figure nobody reported stays
// empty, so that the forms leave it blank instead of showing a misleading 0.
// The largest count a stats figure or students_total may hold (100 million):
// far beyond any school's activity, and small enough that no sum of the
// statistics pages can overflow.
inline constexpr long long kMaxReportedCount = 100'000'000;

struct ActivityStats {
  std::optional<long long> teachers, students, community_people, visitors, enterprises, enterprise_people,
      hands_on_projects;
  std::string community;  // 社区（乡村）name(s)
  // The figures of the 开展情况汇总表 (seed 004), all 人次 unless noted.
  std::optional<long long> schoolchildren,  // 中小学生
      parents,                              // 家长
      labs_opened,                          // 开放的实验实训室, 个
      talks,                                // 职业教育宣讲, 场
      skill_shows,                          // 职业技能展示, 场
      service_people,                       // 便民服务
      materials;                            // 发放宣传资料, 份
  bool reported() const {
    return teachers || students || community_people || visitors || enterprises || enterprise_people ||
           hands_on_projects || !community.empty() || schoolchildren || parents || labs_opened || talks ||
           skill_shows || service_people || materials;
  }
};

// The person responsible for an activity (活动负责人), for the report forms
// only: never published on the site.
struct ActivityContact {
  std::string name, mobile, position;  // position: 部门和职务
};

// One step of a ceremony's programme (活动流程).
struct AgendaItem {
  int line = 0;
  std::optional<int> minutes;  // the time of day, minutes since midnight; absent when not given
  std::string item;
};

struct Activity {
  std::string source;  // content/activities/x.json
  int line = 0;        // where the activity's object starts
  std::string id;
  std::string url;     // schedule/<id>.html
  std::string title, location, lead, category, form, audience;
  std::vector<std::string> partners;
  std::optional<bool> open_to_public;
  Timestamp start;
  std::optional<Timestamp> end;
  Day first_day{}, last_day{};  // China-time days it spans (inclusive)
  std::shared_ptr<const MarkdownDocument> summary_markdown;  // null when empty
  std::string summary_text;
  std::vector<ImageRef> images;
  ActivityStats stats;
  // Report forms (model/report_forms.h): the 活动安排表's 活动负责人,
  // 活动参与人员 (participants, else audience) and 备注.
  ActivityContact contact;
  std::string participants, note;
  // A ceremony's leaders and guests (参加领导) and its programme, in order.
  std::vector<std::string> guests;
  std::vector<AgendaItem> agenda;
};

// The forms an activity may take (activities' "form").
inline const std::vector<std::string>& activity_forms() {
  static const std::vector<std::string> forms = {"线下", "线上", "线上线下"};
  return forms;
}

// The levels of media reports, highest first: the columns the statistics
// forms count reports by.
inline const std::vector<std::string>& media_levels() {
  static const std::vector<std::string> levels = {"省级及以上", "市级", "县级"};
  return levels;
}

// The kinds of media of the 开展情况汇总表's three columns; a report
// without "type" is 网络新闻.
inline const std::vector<std::string>& media_types() {
  static const std::vector<std::string> types = {"传统媒体", "网络新闻", "微信微博"};
  return types;
}

struct MediaReport {
  std::string source;
  int line = 0;
  std::string outlet, level, title, url, news_slug;
  Day date{};
  std::string type = "网络新闻";  // one of media_types()
  long long count = 1;           // the reports or reposts the entry stands for
};

// A stop of the online campus tour (线上逛校园).
struct TourStop {
  int line = 0;                // in tour.json
  std::string id, name;
  std::string url;             // tour/<id>.html
  double x = 0, y = 0;         // place on the map, fractions of its width and height
  ImageRef photo;              // the flat photo every visitor can see; its caption is the stop's "caption"
  std::optional<ImageRef> panorama;  // an equirectangular 360° photo
  std::string external_url;    // a panorama hosted elsewhere
  std::shared_ptr<const MarkdownDocument> description_markdown;  // null when empty
  std::string description_text;
  std::vector<std::string> activities, achievements;  // ids
};

struct Tour {
  std::string source = "content/tour.json";
  std::string title = "线上逛校园";
  std::string intro;           // one paragraph shown above the map
  ImageRef map;
  std::vector<TourStop> stops;  // in route order
};

// An achievement (成果) shown in the online exhibition.
struct Achievement {
  std::string source;  // content/achievements/auto.csv
  int line = 0;        // its line in a JSON file, its row in a CSV file
  std::string id;      // given, or derived from department, title and date
  std::string url;     // exhibition/<id>.html
  std::string title, department, category;
  std::string level;   // 国家级, 省级, 市级, 校级, or empty
  std::string date;    // 2024-06 or 2024-06-13, or empty
  std::string date_text;  // 2024年6月
  std::vector<std::string> people;
  std::shared_ptr<const MarkdownDocument> summary_markdown;  // null when empty
  std::string summary_text;  // plain, for cards
  std::string link;          // a page about it on another site
  std::vector<ImageRef> gallery;  // pictures with captions
  std::vector<ImageRef> images;   // the gallery and the summary's images, for publishing
};

// A typical person (典型人物).
struct Person {
  std::string source;
  FieldLines lines;
  std::string slug;
  std::string url;  // people/<slug>.html
  std::string name, role, department;
  std::optional<ImageRef> photo;
  std::vector<std::string> honors;
  int order = 0;
  std::shared_ptr<const MarkdownDocument> story_markdown;  // null when empty
  std::string summary;
  std::vector<ImageRef> images;  // the photo and the story's images
};

struct Content {
  SiteConfig site;
  std::vector<NewsItem> news;
  std::vector<FreePage> pages;
  std::vector<Activity> activities;
  // Loading the activities reported an error, so an id named elsewhere may
  // belong to the activity that was left out: such references are not
  // reported one by one (they would bury the real error).
  bool activities_incomplete = false;
  std::vector<MediaReport> media;
  std::optional<Tour> tour;
  std::vector<Achievement> achievements;
  std::vector<Person> people;
};

}  // namespace zhuanlan
