// zhuanlan: renders a vocational-education-week column from content/ into
// static HTML. Messages are in Chinese: the people who run it are the
// publicity staff of a college.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "util/diagnostics.h"
#include "write/build_site.h"

namespace {

constexpr int kExitContentErrors = 1;

void print_diagnostics(const zhuanlan::Diagnostics& diagnostics) {
  for (const auto& d : zhuanlan::sorted(diagnostics)) std::cerr << zhuanlan::format_diagnostic(d) << '\n';
}

int run_build(const zhuanlan::BuildOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const zhuanlan::BuildResult result = zhuanlan::build_site(options);
  print_diagnostics(result.diagnostics);
  const int errors = result.diagnostics.error_count();
  const int warnings = result.diagnostics.warning_count();
  if (!result.ok) {
    std::cerr << "\n构建失败：共 " << errors << " 个错误";
    if (warnings > 0) std::cerr << "、" << warnings << " 个警告";
    std::cerr << "。请按上面的提示修改后重新构建；输出文件夹 " << result.out_dir.string() << " 保持原样，没有被改动。\n";
    return kExitContentErrors;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.2f", seconds);
  if (result.up_to_date) {
    std::cout << "内容、模板和设置都没有变化，输出文件夹 " << result.out_dir.string() << " 与上次构建完全一致（"
              << result.pages << " 个页面），本次没有写入任何文件，用时 " << timing
              << " 秒。如需完整地重新生成，请加 --full。\n";
    if (warnings > 0) std::cout << "上次构建有 " << warnings << " 个警告，见上方。\n";
    return 0;
  }
  std::cout << "构建完成：" << result.pages << " 个页面，写入 " << result.files_written << " 个文件（"
            << result.files_unchanged << " 个文件内容未变，保留原样），用时 " << timing << " 秒。\n";
  if (warnings > 0) std::cout << "有 " << warnings << " 个警告，见上方。\n";
  std::cout << "网站已生成到 " << result.out_dir.string() << "/ ，用浏览器打开其中的 index.html 即可预览。\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"zhuanlan —— 职业教育活动周专题专栏生成器：把 content/ 中的新闻和设置生成为静态网站。"};
  app.require_subcommand(1);
  app.set_help_flag("-h,--help", "显示帮助");

  zhuanlan::BuildOptions options;
  std::string site_dir = ".";
  std::string out_dir;
  CLI::App* build = app.add_subcommand("build", "生成网站：读取站点文件夹中的 content/，写出到 public/");
  build->add_option("--site", site_dir, "站点文件夹（包含 content/ 的文件夹），默认为当前文件夹");
  build->add_option("--out", out_dir, "输出文件夹，默认为站点文件夹中的 public/");
  build->add_flag("--drafts", options.include_drafts, "同时发布草稿（draft: true 的新闻），用于内部预览");
  build->add_option("--base-url", options.base_url, "发布网址，覆盖 site.json 中的 base_url");
  build->add_flag("--full", options.full, "不论内容是否变化都完整地重新生成（平时不需要：没有变化时程序会直接结束）");

  CLI11_PARSE(app, argc, argv);
  options.site_dir = site_dir;
  options.out_dir = out_dir;
  if (build->parsed()) return run_build(options);
  return 0;
}
