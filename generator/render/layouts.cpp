#include "render/layouts.h"

#include <set>
#include <stdexcept>

#include "render/embedded_files.h"
#include "util/files.h"
#include "util/text.h"

namespace zhuanlan {

kainjow::mustache::mustache& LayoutSet::get(const std::string& name) {
  const auto it = templates.find(name);
  if (it == templates.end()) {
    throw std::runtime_error("找不到模板 layouts/" + name + ".mustache，请从程序自带的 layouts/ 中复制一份");
  }
  return it->second;
}

std::optional<std::string> site_or_shipped_file(const std::filesystem::path& site_dir, const std::string& path) {
  if (auto own = read_file(site_dir / path)) return own;
  for (const auto& file : embedded_files()) {
    if (file.path == path) return std::string(file.bytes);
  }
  return std::nullopt;
}

std::optional<LayoutSet> load_layouts(const std::filesystem::path& site_dir, Diagnostics& diagnostics) {
  // Every template that ships, plus any the site adds; the site's own
  // file wins over the shipped one of the same name.
  std::set<std::string> names;
  const std::string suffix = ".mustache";
  for (const auto& file : embedded_files()) {
    const std::string path(file.path);
    if (path.rfind("layouts/", 0) == 0 && path.size() > suffix.size() &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      names.insert(path.substr(8, path.size() - 8 - suffix.size()));
    }
  }
  for (const auto& path : list_files(site_dir / "layouts", suffix)) {
    names.insert(path.lexically_relative(site_dir / "layouts").generic_string().substr(
        0, path.lexically_relative(site_dir / "layouts").generic_string().size() - suffix.size()));
  }
  LayoutSet set;
  bool ok = true;
  for (const std::string& name : names) {
    const std::string path = "layouts/" + name + suffix;
    const auto text = site_or_shipped_file(site_dir, path);
    if (!text) {
      diagnostics.error(path, 0, "无法读取模板文件，请检查文件权限");
      ok = false;
      continue;
    }
    kainjow::mustache::mustache compiled(*text);
    if (!compiled.is_valid()) {
      diagnostics.error(path, 0, "模板语法错误：" + compiled.error_message() + "。请检查 {{ }} 是否成对、区块 {{#…}} 是否用 {{/…}} 结束");
      ok = false;
      continue;
    }
    // One escaping for the whole program (kainjow's own writes ' as &apos;
    // and appends character by character).
    compiled.set_custom_escape([](const std::string& value) { return html_escape(value); });
    set.templates.emplace(name, std::move(compiled));
  }
  auto text = load_site_text(site_dir, diagnostics);
  if (!text) ok = false;
  if (!ok) return std::nullopt;
  set.text = std::move(*text);
  return set;
}

}  // namespace zhuanlan
