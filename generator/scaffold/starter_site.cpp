#include "scaffold/starter_site.h"

#include <system_error>

#include "scaffold/scaffold_files.h"
#include "util/files.h"

namespace zhuanlan {
namespace fs = std::filesystem;
using namespace std::chrono;

Day usual_week_start(int year) {
  return sys_days(year_month_weekday(std::chrono::year(year) / May / Sunday[2]));
}

int coming_week_year(Day today) {
  const year_month_day date(today);
  const int year = static_cast<int>(date.year());
  return date.month() > May ? year + 1 : year;
}

std::vector<StarterFile> starter_site(const StarterOptions& options) {
  const Day start = usual_week_start(options.year);
  kainjow::mustache::data values;
  values.set("school", json_quoted(options.school));
  values.set("school_text", options.school);
  values.set("year", std::to_string(options.year));
  values.set("week_start", format_day_iso(start));
  values.set("day2", format_day_iso(start + days(1)));
  values.set("week_end", format_day_iso(start + days(6)));
  values.set("title_yaml", json_quoted(std::to_string(options.year) + "年职业教育活动周启动（示例新闻）"));
  std::vector<StarterFile> out;
  for (const ScaffoldFile& file : scaffold_files("content/")) {
    std::string path = file.path;
    // News live in a folder per day: the example is dated the week's first.
    if (path.rfind("content/news/", 0) == 0) path.insert(13, format_day_iso(start) + "/");
    out.push_back({path, fill_scaffold(file.text, values)});
  }
  return out;
}

InitResult init_site(const fs::path& dir, const StarterOptions& options) {
  InitResult result;
  std::error_code ec;
  if (fs::exists(dir / "content", ec)) {
    result.message = "文件夹 " + (dir / "content").string() +
                     " 已经存在，没有做任何改动。zhuanlan init 只在新的或空的文件夹里建立站点，不会覆盖已有的内容；"
                     "请换一个文件夹名称。";
    return result;
  }
  for (const char* folder : {"content/news", "content/activities", "content/achievements", "content/people",
                             "content/pages", "content/images"}) {
    fs::create_directories(dir / folder, ec);
    if (ec) {
      result.message = "无法建立文件夹 " + (dir / folder).string() + "：" + ec.message() + "。请检查文件夹权限。";
      return result;
    }
  }
  for (const StarterFile& file : starter_site(options)) {
    const fs::path path = dir / file.path;
    fs::create_directories(path.parent_path(), ec);
    if (!write_file(path, file.bytes, /*only_if_new=*/true)) {
      result.message = "无法写入 " + path.string() + "（文件已存在或没有写入权限），已停止。";
      return result;
    }
    result.written.push_back(file.path);
  }
  result.ok = true;
  return result;
}

}  // namespace zhuanlan
