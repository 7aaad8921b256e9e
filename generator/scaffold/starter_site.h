#pragma once
// `zhuanlan init`: a new school's site folder, like `hugo new site` and
// `zola init`. The files come from generator/scaffold/starter/ (shipped
// inside the program) with the school's name and the week's dates filled
// in: a site.json, a note explaining every setting in Chinese, the folders,
// and one example of each kind of content that publishes nothing the school
// has not written (the example news item is a draft).
#include <filesystem>
#include <string>
#include <vector>

#include "util/dates.h"

namespace zhuanlan {

struct StarterOptions {
  std::string school = "示例职业技术学院";
  int year = 0;  // the week's year
};

struct StarterFile {
  std::string path;  // relative to the new site folder
  std::string bytes;
};

// The activity week's usual first day: the second Sunday of May (2024-05-12,
// 2025-05-11). The notice of each year gives the real dates.
Day usual_week_start(int year);

// The year whose week a school starting today prepares: this year until
// the end of May (China time), then the next.
int coming_week_year(Day today);

std::vector<StarterFile> starter_site(const StarterOptions& options);

struct InitResult {
  bool ok = false;
  std::string message;               // Chinese, for the terminal
  std::vector<std::string> written;  // paths relative to the folder
};

// Writes the starter site into dir (created if missing). Refuses, writing
// nothing, when dir already holds a content/ folder: nothing a user wrote
// is ever replaced.
InitResult init_site(const std::filesystem::path& dir, const StarterOptions& options);

}  // namespace zhuanlan
