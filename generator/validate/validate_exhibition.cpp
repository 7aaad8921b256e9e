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
  // Two people of one URL, or a person named index, are reported by
  // check_output_paths (render/output_plan.h) with both files and lines.
}

}  // namespace zhuanlan
