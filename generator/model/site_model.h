#pragma once
// The site as it will be published: content put in order and grouped into
// the lists that pages show. Built once, read by every renderer in parallel.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/content.h"
#include "model/exhibition_model.h"

namespace zhuanlan {

// A named group of news: a department (供稿单位) or a tag.
struct Term {
  std::string name;
  std::string slug;
  std::string url;             // departments/<slug>.html
  std::vector<std::size_t> news;  // indices into SiteModel::news, newest first
};

struct NewsDay {
  Day day{};
  std::string url;  // days/2025-05-13.html
  std::string theme;
  std::vector<std::size_t> news;  // newest first
};

// An entry of the main navigation. Entries are shown by rank: 首页 0,
// 活动安排 10, 每日动态 20, 成果展 30, 典型人物 40, 线上逛校园 50, 媒体聚焦 60,
// 数据统计 70, then the free pages from 100 on.
struct NavEntry {
  int rank = 0;
  std::string label;
  std::string url;  // site-relative
  std::string id;   // the PageFrame::section of its pages
};

// One day of the programme: its theme and the activities held that day,
// in time order. A multi-day activity appears on every day it spans.
struct ScheduleDay {
  Day day{};
  std::string theme;
  bool in_week = false;
  std::vector<std::size_t> activities;  // indices into SiteModel::activities
};

struct SiteModel {
  SiteConfig site;
  std::vector<NewsItem> news;   // newest first; ties broken by slug, so the order is stable
  std::vector<FreePage> pages;  // by order, then title
  std::vector<NewsDay> days;    // days that have news, earliest first
  std::vector<Term> departments;  // in site.json's order, then by name
  std::vector<Term> tags;         // by number of news, then name
  std::vector<std::size_t> home_news;  // 置顶 items first, then the latest
  std::vector<Day> week_days;          // every day of the week
  std::vector<NavEntry> nav;           // sorted by rank

  std::vector<Activity> activities;    // by start time, then id
  std::vector<ScheduleDay> schedule;   // every day of the week, and the month's days that have activities
  std::map<std::string, std::size_t> activity_by_id;
  std::vector<std::vector<std::size_t>> activity_news;  // per activity: the news items reporting it, newest first
  std::map<std::string, std::vector<std::size_t>> department_activities;  // lead or partner -> activities
  std::vector<MediaReport> media;      // newest first, then by level
  std::optional<Tour> tour;
  Exhibition exhibition;               // achievements and typical people

  // The activity a news item reports, or nullptr.
  const Activity* activity_of(const NewsItem& item) const;
};

SiteModel build_site_model(Content content);

// Splits count items into pages of per_page; there is always one page.
struct PageSlice {
  int number = 1;  // 1-based
  int total = 1;
  std::size_t begin = 0, end = 0;
};
std::vector<PageSlice> paginate(std::size_t count, int per_page);

// The path of page n of a list whose first page is first_path:
// news/index.html -> news/index_2.html. Slugs never hold '_', so these
// never clash with another page.
std::string paged_path(const std::string& first_path, int number);

constexpr std::size_t kHomeNewsCount = 10;

}  // namespace zhuanlan
