#include "render/layouts.h"

#include "render/embedded_files.h"
#include "util/files.h"

namespace zhuanlan {
namespace {

constexpr const char* kLayoutNames[] = {"base", "header", "footer", "news_card", "home", "news_list", "day",
                                         "news", "term", "terms", "page", "404", "pagination"};

}  // namespace

std::optional<std::string> site_or_shipped_file(const std::filesystem::path& site_dir, const std::string& path) {
  if (auto own = read_file(site_dir / path)) return own;
  for (const auto& file : embedded_files()) {
    if (file.path == path) return std::string(file.bytes);
  }
  return std::nullopt;
}

std::optional<LayoutSet> load_layouts(const std::filesystem::path& site_dir, Diagnostics& diagnostics) {
  LayoutSet set;
  bool ok = true;
  for (const char* name : kLayoutNames) {
    const std::string path = std::string("layouts/") + name + ".mustache";
    const auto text = site_or_shipped_file(site_dir, path);
    if (!text) {
      diagnostics.error(path, 0, "找不到模板文件。请从程序自带的 layouts/ 中复制一份，或删除站点 layouts/ 中的同名空文件");
      ok = false;
      continue;
    }
    kainjow::mustache::mustache compiled(*text);
    if (!compiled.is_valid()) {
      diagnostics.error(path, 0, "模板语法错误：" + compiled.error_message() + "。请检查 {{ }} 是否成对、区块 {{#…}} 是否用 {{/…}} 结束");
      ok = false;
      continue;
    }
    set.templates.emplace(name, std::move(compiled));
  }
  if (!ok) return std::nullopt;
  return set;
}

}  // namespace zhuanlan
