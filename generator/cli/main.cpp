// zhuanlan: renders a vocational-education-week column from content/ into
// static HTML. Messages are in Chinese: the people who run it are the
// publicity staff of a college.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <new>
#include <optional>

#ifdef ZHUANLAN_MIMALLOC
#include <mimalloc.h>
#endif

#include "deploy/deploy_report.h"
#include "deploy/deploy_run.h"
#include "linkcheck/check_external_links.h"
#include "load/site_config.h"
#include "scaffold/new_content.h"
#include "scaffold/starter_site.h"
#include "serve/serve_site.h"
#include "util/diagnostics.h"
#include "util/files.h"
#include "validate/image_checks.h"
#include "validate/schedule_checks.h"
#include "write/build_site.h"
#include "write/image_cache.h"
#include "write/report.h"

namespace {

constexpr int kExitContentErrors = 1;

void print_diagnostics(const zhuanlan::Diagnostics& diagnostics) {
  for (const auto& d : zhuanlan::sorted(diagnostics)) std::cerr << zhuanlan::format_diagnostic(d) << '\n';
}

std::string counts(const zhuanlan::Diagnostics& diagnostics) {
  std::string text = std::to_string(diagnostics.error_count()) + " 个错误";
  if (diagnostics.warning_count() > 0) text += "、" + std::to_string(diagnostics.warning_count()) + " 个警告";
  return text;
}

// On a terminal, photo work that takes more than a moment shows one line,
// rewritten in place: how many are done and which photo is being made.
// Elsewhere (CI, a log file) nothing is shown while it runs.
zhuanlan::ImageProgressFn terminal_progress() {
  if (::isatty(STDERR_FILENO) == 0) return {};
  using Clock = std::chrono::steady_clock;
  struct State {
    std::optional<Clock::time_point> started;
    bool shown = false;
  };
  auto state = std::make_shared<State>();
  return [state](const zhuanlan::ImageProgress& progress) {
    const auto now = Clock::now();
    if (!state->started) state->started = now;
    if (progress.done == progress.total) {
      if (state->shown) std::cerr << "\r\033[K" << std::flush;
      state->shown = false;
      return;
    }
    if (progress.current.empty() || now - *state->started < std::chrono::milliseconds(300)) return;
    std::string current = progress.current;
    if (current.size() > 48) current = "…" + current.substr(current.size() - 45);
    std::cerr << "\r\033[K正在处理图片 " << progress.done << "/" << progress.total << "：" << current << std::flush;
    state->shown = true;
  };
}

const char kOutOfMemory[] =
    "出错了：内存不够，程序已停止，网站没有更新。请关闭其他程序后再试，或检查内容文件是否异常地大。\n";

#ifdef ZHUANLAN_MIMALLOC
// mimalloc, which replaces the allocator (CMakeLists.txt), is C: when
// memory runs out it cannot throw std::bad_alloc, and aborts (SIGABRT, no
// message, exit 134) in operator new. Told of the error first, the program
// says why and stops as if killed, which builds survive: nothing half-made
// is published, the next build clears the stage folder, the kernel drops
// the output lock. The message is written without allocating.
void on_allocator_error(int error, void*) {
  if (error != ENOMEM && error != EOVERFLOW) return;  // mimalloc's own default for the rest
  if (::write(STDERR_FILENO, kOutOfMemory, sizeof kOutOfMemory - 1) < 0) {
  }
  ::_exit(1);
}
#endif

// The one line that sums up the photos, on a terminal and in logs alike.
void print_image_summary(const zhuanlan::ImageStats& stats) {
  const std::size_t total = stats.made + stats.reused;
  if (total == 0) return;
  std::cout << "图片：" << total << " 张（新处理 " << stats.made << " 张，使用缓存 " << stats.reused << " 张）。\n";
}

int run_build(zhuanlan::BuildOptions options) {
  const auto started = std::chrono::steady_clock::now();
  options.on_image_progress = terminal_progress();
  const zhuanlan::BuildResult result = zhuanlan::build_site(options);
  print_diagnostics(result.diagnostics);
  if (!result.ok) {
    std::cerr << "\n构建失败：共 " << counts(result.diagnostics) << "。请按上面的提示修改后重新构建；输出文件夹 "
              << result.out_dir.string() << " 保持原样，没有被改动。\n";
    return kExitContentErrors;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.2f", seconds);
  if (result.up_to_date) {
    std::cout << "内容、模板和设置都没有变化，输出文件夹 " << result.out_dir.string() << " 与上次构建完全一致（"
              << result.pages << " 个页面），本次没有写入任何文件，用时 " << timing
              << " 秒。如需完整地重新生成，请加 --full。\n";
    if (result.diagnostics.warning_count() > 0) {
      std::cout << "上次构建有 " << result.diagnostics.warning_count() << " 个警告，见上方。\n";
    }
    return 0;
  }
  print_image_summary(result.images);
  std::cout << "构建完成：" << result.pages << " 个页面，写入 " << result.files_written << " 个文件（"
            << result.files_unchanged << " 个文件内容未变，保留原样），用时 " << timing << " 秒。\n";
  if (result.diagnostics.warning_count() > 0) std::cout << "有 " << result.diagnostics.warning_count() << " 个警告，见上方。\n";
  std::cout << "网站已生成到 " << result.out_dir.string() << "/ ，用浏览器打开其中的 index.html 即可预览。\n";
  return 0;
}

// The current day in China, for check's "has this activity ended" warnings.
zhuanlan::Day today_in_china() {
  return zhuanlan::china_day(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

struct LinkCheckRequest {
  bool wanted = false;
  double timeout_seconds = 20;
  long pause_ms = 1000;
};

int run_check(zhuanlan::BuildOptions options, const std::string& today_text, const LinkCheckRequest& links) {
  zhuanlan::Diagnostics diagnostics;
  zhuanlan::Day today = today_in_china();
  if (!today_text.empty()) {
    std::string error;
    const auto day = zhuanlan::parse_day(today_text, &error);
    if (!day) {
      std::cerr << "--today：" << error << '\n';
      return 2;
    }
    today = *day;
  }
  const auto prepared = zhuanlan::prepare_site(options, diagnostics);
  zhuanlan::ImageStats image_stats;
  if (prepared) {
    for (const auto& item : prepared->scheduled) {
      std::cout << "定时发布：" << item.source << "《" << item.title << "》将于 "
                << zhuanlan::format_day_iso(zhuanlan::china_day(item.publish_at)) << " "
                << zhuanlan::format_time_china(item.publish_at) << "（北京时间）发布，在此之前不出现在网站上。\n";
    }
    zhuanlan::check_schedule(prepared->model, today, diagnostics);
    options.on_image_progress = terminal_progress();
    zhuanlan::ImageWork work = zhuanlan::image_work(options);
    work.publishing = false;
    zhuanlan::check_images(prepared->images, prepared->model.site.images, work.content_dir, diagnostics);
    zhuanlan::check_featured_photos(prepared->model, work.content_dir, diagnostics);
    // Decoding every photo (into the cache, for the next build) is the only
    // way to find one that is cut short.
    zhuanlan::make_image_files(prepared->images, work, image_stats, diagnostics);
    if (links.wanted) {
      zhuanlan::LinkCheckOptions link_options;
      link_options.timeout = std::chrono::milliseconds(static_cast<long long>(links.timeout_seconds * 1000));
      link_options.connect_timeout = std::min(link_options.connect_timeout, link_options.timeout);
      link_options.host_pause = std::chrono::milliseconds(links.pause_ms);
      if (::isatty(STDERR_FILENO) != 0) std::cerr << "正在检查外部链接……" << std::flush;
      const auto summary = zhuanlan::check_external_links(prepared->model, options.site_dir / zhuanlan::kCacheFolder / "links.json",
                                                          zhuanlan::build_clock(options), link_options, diagnostics);
      if (::isatty(STDERR_FILENO) != 0) std::cerr << "\r\033[K" << std::flush;
      std::cout << "外部链接：" << summary.links << " 个（本次检查 " << summary.checked << " 个，两周内检查过且正常的 "
                << summary.cached << " 个），打不开的 " << summary.broken << " 个。\n";
    }
  }
  print_diagnostics(diagnostics);
  print_image_summary(image_stats);
  if (diagnostics.has_errors()) {
    std::cerr << "\n检查未通过：共 " << counts(diagnostics) << "。有错误时无法构建，请按提示修改。\n";
    return kExitContentErrors;
  }
  std::cout << (diagnostics.warning_count() > 0
                    ? "检查完成：没有错误，有 " + std::to_string(diagnostics.warning_count()) + " 个警告，建议处理后再发布。\n"
                    : std::string("检查完成：没有发现问题。\n"));
  return 0;
}

int run_report(zhuanlan::BuildOptions options, const std::string& out_dir) {
  options.on_image_progress = terminal_progress();
  const zhuanlan::ReportResult result = zhuanlan::write_report(options, out_dir);
  print_diagnostics(result.diagnostics);
  if (!result.ok) {
    std::cerr << "\n报送材料未生成：共 " << counts(result.diagnostics) << "。请按上面的提示修改。\n";
    return kExitContentErrors;
  }
  std::cout << "报送材料已生成到 " << out_dir << "/ ：\n";
  for (const auto& file : result.files) std::cout << "  " << file << '\n';
  return 0;
}

int run_init(const std::string& dir, const std::string& school, int year) {
  zhuanlan::StarterOptions starter;
  if (!school.empty()) starter.school = school;
  starter.year = year > 0 ? year : zhuanlan::coming_week_year(today_in_china());
  const zhuanlan::InitResult result = zhuanlan::init_site(dir, starter);
  if (!result.ok) {
    std::cerr << result.message << '\n';
    return kExitContentErrors;
  }
  std::cout << "已在 " << dir << " 建立新的专栏站点（" << starter.school << "，" << starter.year << "年活动周）：\n";
  for (const auto& file : result.written) std::cout << "  " << file << '\n';
  std::cout << "下一步：先按 content/设置说明.txt 修改 content/site.json，然后运行\n"
            << "  zhuanlan check --site " << dir << "\n  zhuanlan build --site " << dir << '\n';
  return 0;
}

int run_new(const std::string& site_dir, const std::string& kind_word, const std::string& title,
            const std::string& slug, const std::string& date_text) {
  const auto kind = zhuanlan::parse_new_kind(kind_word);
  if (!kind) {
    std::cerr << "不认识的类型“" << kind_word << "”。可以新建：news（新闻）、activity（活动）、person（典型人物）、page（页面）。\n";
    return 2;
  }
  zhuanlan::Diagnostics diagnostics;
  const auto site = zhuanlan::load_site_config(site_dir, "", diagnostics);
  if (!site || diagnostics.has_errors()) {
    print_diagnostics(diagnostics);
    std::cerr << "请先改正 content/site.json，再新建文件。\n";
    return kExitContentErrors;
  }
  zhuanlan::NewRequest request;
  request.kind = *kind;
  request.title = title;
  request.slug = slug;
  request.when = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now());
  if (!date_text.empty()) {
    std::string error;
    const auto when = zhuanlan::parse_timestamp(date_text, &error);
    if (!when) {
      std::cerr << "--date：" << error << '\n';
      return 2;
    }
    // A bare date (midnight in China) keeps the current time of day there.
    const auto china_now = request.when + std::chrono::hours(8);
    const auto time_of_day = china_now - std::chrono::floor<std::chrono::days>(china_now);
    request.when = when->has_time ? when->utc : when->utc + time_of_day;
  }
  std::string error;
  const auto file = zhuanlan::plan_new_file(request, *site, &error);
  if (!file) {
    std::cerr << error << '\n';
    return 2;
  }
  const std::filesystem::path path = std::filesystem::path(site_dir) / file->path;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (!zhuanlan::write_file(path, file->bytes, /*only_if_new=*/true)) {
    std::cerr << (std::filesystem::exists(path, ec) ? "文件 " + path.string() + " 已经存在，没有改动它。请用 --slug 另取一个文件名。"
                                                    : "无法写入 " + path.string() + "，请检查文件夹权限。")
              << '\n';
    return kExitContentErrors;
  }
  std::cout << "已新建 " << path.string() << "\n请用编辑器打开它，按注释填写。\n";
  return 0;
}

// zhuanlan deploy: a progress line on a terminal, the plan of a dry run, one
// summary line (in logs too).
int run_deploy_command(zhuanlan::DeployOptions options) {
  const bool terminal = ::isatty(STDERR_FILENO) != 0;
  if (terminal) {
    options.on_progress = [](const zhuanlan::DeployProgress& progress) {
      std::string current = progress.current;
      if (current.size() > 48) current = "…" + current.substr(current.size() - 45);
      std::cerr << "\r\033[K正在发布 " << progress.done << "/" << progress.total << "：" << current << std::flush;
    };
  }
  const zhuanlan::DeployResult result = zhuanlan::run_deploy(options);
  if (terminal && result.uploaded + result.deleted > 0) std::cerr << "\r\033[K" << std::flush;
  print_diagnostics(result.diagnostics);
  if (options.dry_run && result.ok) {
    std::cout << zhuanlan::plan_text(result);
    return 0;
  }
  (result.ok ? std::cout : std::cerr) << zhuanlan::summary_line(result) << '\n';
  return result.ok ? 0 : kExitContentErrors;
}

void add_deploy_options(CLI::App* command, zhuanlan::DeployOptions& deploy) {
  command->add_option("--to", deploy.to_url, "发布地址，覆盖 site.json 中的 deploy.url，例如 sftp://deploy@www.example.edu.cn/var/www/zjz2025/");
  command->add_flag("--dry-run", deploy.dry_run, "预演：列出要上传和删除的文件及大小，不做任何改动");
  command->add_option("--max-deletes", deploy.max_deletes, "一次最多删除多少个以前发布的文件，超过时停止且不做任何改动（默认 20）");
}

}  // namespace

int main(int argc, char** argv) {
#ifdef ZHUANLAN_MIMALLOC
  mi_register_error(on_allocator_error, nullptr);
#endif
  CLI::App app{"zhuanlan —— 职业教育活动周专题专栏生成器：把 content/ 中的新闻、活动和设置生成为静态网站。"};
  app.require_subcommand(1);
  app.set_help_flag("-h,--help", "显示帮助");

  zhuanlan::BuildOptions options;
  std::string site_dir = ".";
  std::string out_dir;
  std::string today;
  std::string report_dir;

  CLI::App* build = app.add_subcommand("build", "生成网站：读取站点文件夹中的 content/，写出到 public/");
  build->add_option("--site", site_dir, "站点文件夹（包含 content/ 的文件夹），默认为当前文件夹");
  build->add_option("--out", out_dir, "输出文件夹，默认为站点文件夹中的 public/");
  build->add_flag("--drafts", options.include_drafts, "同时生成草稿（draft: true 的新闻）和还没到时间的定时新闻，用于内部预览；这样生成的网站不能用 deploy 发布");
  build->add_option("--base-url", options.base_url, "发布网址，覆盖 site.json 中的 base_url");
  std::string now_text;
  const char* const now_help = "按这个时间（北京时间）决定定时发布（publish_at）的新闻是否发布，默认现在，例如 \"2025-05-14 08:00\"";
  build->add_option("--now", now_text, now_help);
  build->add_flag("--full", options.full, "不论内容是否变化都完整地重新生成（平时不需要：没有变化时程序会直接结束）");

  CLI::App* check = app.add_subcommand("check", "只检查内容，不生成网站：列出全部错误和提醒");
  check->add_option("--site", site_dir, "站点文件夹，默认为当前文件夹");
  check->add_flag("--drafts", options.include_drafts, "同时检查草稿");
  check->add_option("--now", now_text, now_help);
  LinkCheckRequest links;
  check->add_flag("--links", links.wanted, "同时检查所有外部链接是否能打开（需要联网；两周内检查过且正常的不再重复检查）");
  check->add_option("--links-timeout", links.timeout_seconds, "每个链接最多等待的秒数，默认 20");
  check->add_option("--links-pause", links.pause_ms, "对同一网站两次访问之间的间隔（毫秒），默认 1000");
  check->add_option("--today", today, "按这一天判断活动是否已结束（默认今天，北京时间），例如 2025-05-18");

  CLI::App* report =
      app.add_subcommand("report", "生成报送材料：信息采集表、情况统计表、活动安排表和开展情况汇总表（Excel 和 CSV），设置了审核环节时还有审核记录，以及精选图片和图片说明");
  report->add_option("--site", site_dir, "站点文件夹，默认为当前文件夹");
  report->add_option("--out", report_dir, "报送材料的输出文件夹")->required();

  std::string init_dir;
  std::string school;
  int year = 0;
  CLI::App* init = app.add_subcommand("init", "新建一个学校的专栏站点文件夹（设置文件、各类内容的文件夹和示例）");
  init->add_option("dir", init_dir, "新站点的文件夹")->required();
  init->add_option("--school", school, "学校全称，例如 某某职业技术学院");
  init->add_option("--year", year, "活动周的年份，默认为即将到来的一届");

  std::string new_kind;
  std::string new_title;
  std::string new_slug;
  std::string new_date;
  CLI::App* create = app.add_subcommand("new", "新建一个内容文件：news（新闻）、activity（活动）、person（典型人物）、page（页面）");
  create->add_option("kind", new_kind, "类型：news、activity、person 或 page")->required();
  create->add_option("title", new_title, "标题（人物为姓名）")->required();
  create->add_option("--site", site_dir, "站点文件夹，默认为当前文件夹");
  create->add_option("--slug", new_slug, "文件名（不含扩展名），只用小写英文字母、数字和 -；默认由日期和时间生成");
  create->add_option("--date", new_date, "日期或日期和时间（北京时间），例如 2025-05-13 或 \"2025-05-13 09:30\"；默认现在");
  zhuanlan::ServeOptions serve_options;
  CLI::App* serve = app.add_subcommand("serve", "边写边看：生成网站并在浏览器中预览，保存文件后页面自动刷新（不改动 public/）");
  serve->add_option("--site", site_dir, "站点文件夹，默认为当前文件夹");
  serve->add_option("--port", serve_options.port, "端口，默认 1313")->check(CLI::Range(0, 65535));
  serve->add_option("--bind", serve_options.host, "监听的地址，默认 127.0.0.1（只有本机能打开）");
  serve->add_flag("--drafts", options.include_drafts, "同时显示草稿（draft: true 的新闻），页面上标有“草稿”");
  serve->add_flag("--poll", serve_options.poll,
                  "定时检查文件是否修改，而不用系统的文件通知（网络盘、WSL2、Docker 中保存后页面不刷新时使用）");

  zhuanlan::DeployOptions deploy;
  CLI::App* deploy_command =
      app.add_subcommand("deploy", "发布：把生成好的网站上传到服务器（SFTP、FTPS、FTP、WebDAV 或对象存储），只传有变化的文件");
  deploy_command->add_option("--site", site_dir, "站点文件夹，默认为当前文件夹");
  deploy_command->add_option("--out", out_dir, "要发布的输出文件夹，默认为站点文件夹中的 public/");
  add_deploy_options(deploy_command, deploy);
  CLI::App* publish = app.add_subcommand("publish", "生成并发布：先 build 再 deploy，供自动发布（CI、提交后自动更新）使用");
  publish->add_option("--site", site_dir, "站点文件夹，默认为当前文件夹");
  publish->add_option("--out", out_dir, "输出文件夹，默认为站点文件夹中的 public/");
  publish->add_option("--now", now_text, now_help);
  add_deploy_options(publish, deploy);

  CLI11_PARSE(app, argc, argv);
  if (!now_text.empty()) {
    std::string error;
    const auto now = zhuanlan::parse_timestamp(now_text, &error);
    if (!now) {
      std::cerr << "--now：" << error << '\n';
      return 2;
    }
    options.now = now->utc;
  }
  options.site_dir = site_dir;
  options.out_dir = out_dir;
  // Loaders report user mistakes as diagnostics; anything that still escapes
  // (a library fault, memory running out) gets a Chinese message and exit
  // code 1 instead of std::terminate's abort. Nothing is published then:
  // StagedOutput swaps the new site in only at the end.
  try {
    if (build->parsed()) return run_build(options);
    if (check->parsed()) return run_check(options, today, links);
    if (report->parsed()) return run_report(options, report_dir);
    if (init->parsed()) return run_init(init_dir, school, year);
    if (create->parsed()) return run_new(site_dir, new_kind, new_title, new_slug, new_date);
    if (serve->parsed()) {
      serve_options.build = options;
      serve_options.build.on_image_progress = terminal_progress();
      return zhuanlan::serve_site(serve_options);
    }
    deploy.site_dir = site_dir;
    deploy.out_dir = out_dir;
    if (deploy_command->parsed()) return run_deploy_command(deploy);
    if (publish->parsed()) {
      const int built = run_build(options);
      return built != 0 ? built : run_deploy_command(deploy);
    }
  } catch (const std::bad_alloc&) {
    std::cerr << kOutOfMemory;
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "出错了：程序遇到意外的问题而停止，网站没有更新。请把下面这行说明发给技术人员：\n  " << e.what()
              << '\n';
    return 1;
  }
  return 0;
}
