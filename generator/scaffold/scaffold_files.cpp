#include "scaffold/scaffold_files.h"

#include <nlohmann/json.hpp>

#include "render/embedded_files.h"

namespace zhuanlan {

std::vector<ScaffoldFile> scaffold_files(std::string_view prefix) {
  constexpr std::string_view kRoot = "starter/";
  std::vector<ScaffoldFile> out;
  for (const auto& file : embedded_files()) {
    if (file.path.substr(0, kRoot.size()) != kRoot) continue;
    const std::string_view path = file.path.substr(kRoot.size());
    if (path.substr(0, prefix.size()) == prefix) out.push_back({std::string(path), file.bytes});
  }
  return out;
}

std::string fill_scaffold(std::string_view text, const kainjow::mustache::data& values) {
  kainjow::mustache::mustache tmpl{std::string(text)};
  return tmpl.render(values);
}

std::string json_quoted(const std::string& text) { return nlohmann::json(text).dump(); }

}  // namespace zhuanlan
