#include "validate/validate_exhibition.h"

#include <map>

namespace zhuanlan {

void validate_exhibition(const Content& content, Diagnostics& diagnostics) {
  std::map<std::string, const Achievement*> by_id;
  for (const auto& a : content.achievements) {
    const auto [it, inserted] = by_id.emplace(a.id, &a);
    if (inserted) continue;
    const Achievement& first = *it->second;
    diagnostics.error(a.source, a.line,
                      "成果编号“" + a.id + "”与 " + first.source +
                          (first.line > 0 ? " 第 " + std::to_string(first.line) + " 行" : "") +
                          " 的成果重复（没写编号时，编号由单位、标题和日期算出，三者都相同就会重复）。"
                          "同一项成果请只保留一处；不同的成果请写不同的编号 id");
  }
  if (content.tour) {
    for (const auto& stop : content.tour->stops) {
      for (const auto& id : stop.achievements) {
        if (by_id.count(id) == 0) {
          diagnostics.error(content.tour->source, stop.line,
                            "站点“" + stop.name + "”中的成果编号“" + id +
                                "”在 content/achievements/ 中找不到。请检查拼写，并在成果中写上这个编号（JSON 的 id，或 CSV 的“编号”列）");
        }
      }
    }
  }
  std::map<std::string, const Person*> by_url;
  for (const auto& person : content.people) {
    if (person.slug == "index") {
      diagnostics.error(person.source, 0, "网址名不能是 index（会与典型人物首页重名），请给文件改名或写 slug");
    }
    const auto [it, inserted] = by_url.emplace(person.url, &person);
    if (!inserted) {
      diagnostics.error(person.source, 1,
                        "与 " + it->second->source + " 的网址相同（都会发布为 " + person.url +
                            "），请给其中一个换一个文件名，或写不同的 slug");
    }
  }
}

}  // namespace zhuanlan
