#include "render/output_plan.h"

#include <map>
#include <set>
#include <tuple>

namespace zhuanlan {
namespace {

std::string describe(const OutputOrigin& origin) {
  if (origin.file.empty()) return "自动生成的" + origin.what;
  return origin.file + (origin.line > 0 ? " 第 " + std::to_string(origin.line) + " 行" : "") + " 的" + origin.what;
}

std::tuple<std::string, int, std::string> identity(const OutputOrigin& origin) {
  return {origin.file, origin.line, origin.what};
}

// The user can change a source, not a generated page: the message is given
// at the source (the later one when both are), with what to change.
void report(const OutputOrigin& first, const OutputOrigin& second, const std::string& message,
            Diagnostics& diagnostics) {
  const bool second_is_source = !second.file.empty();
  const OutputOrigin& at = second_is_source || first.file.empty() ? second : first;
  const OutputOrigin& other = &at == &second ? first : second;
  std::string fix = at.fix.empty() ? other.fix : at.fix;
  if (!at.fix.empty() && !other.fix.empty() && other.fix != at.fix) fix += "；或者" + other.fix;
  diagnostics.error(at.file, at.line,
                    at.what + "与 " + describe(other) + message + (fix.empty() ? "" : "。" + fix));
}

}  // namespace

std::string output_path_key(const std::string& path) {
  std::string key = path;
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

void check_output_paths(const std::vector<PlannedOutput>& outputs, Diagnostics& diagnostics) {
  std::map<std::string, const PlannedOutput*> by_key;
  std::set<std::pair<std::tuple<std::string, int, std::string>, std::tuple<std::string, int, std::string>>> reported;
  const auto first_report = [&](const OutputOrigin& a, const OutputOrigin& b) {
    const auto x = identity(a), y = identity(b);
    return reported.insert(x < y ? std::pair(x, y) : std::pair(y, x)).second;
  };
  for (const PlannedOutput& output : outputs) {
    const auto [it, inserted] = by_key.emplace(output_path_key(output.path), &output);
    if (inserted || !first_report(it->second->origin, output.origin)) continue;
    const std::string& earlier = it->second->path;
    const std::string case_note =
        earlier == output.path ? ""
                               : "（" + earlier + " 与 " + output.path +
                                     " 只有大小写不同，在不区分大小写的网站服务器和 Windows、macOS 上是同一个文件）";
    report(it->second->origin, output.origin, " 都会发布为 " + output.path + case_note, diagnostics);
  }
  // A file where another output needs a folder: news/index.html/a.jpg cannot
  // be written beside news/index.html.
  for (const PlannedOutput& output : outputs) {
    const std::string key = output_path_key(output.path);
    for (std::size_t slash = key.find('/'); slash != std::string::npos; slash = key.find('/', slash + 1)) {
      const auto it = by_key.find(key.substr(0, slash));
      if (it == by_key.end() || !first_report(it->second->origin, output.origin)) continue;
      report(it->second->origin, output.origin,
             " 冲突：" + it->second->path + " 既要作为文件发布，又要作为 " + output.path + " 所在的文件夹", diagnostics);
    }
  }
}

}  // namespace zhuanlan
