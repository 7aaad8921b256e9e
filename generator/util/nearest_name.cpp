#include "util/nearest_name.h"

#include <algorithm>
#include <vector>

#include "util/text.h"

namespace zhuanlan {
namespace {

std::u32string code_points(const std::string& text) {
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0xFFFD;  // bytes that do not decode count as one unknown character each
    const std::size_t length = decode_utf8(text, i, &cp);
    out.push_back(cp);
    i += length == 0 ? 1 : length;
  }
  return out;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest_name(const std::string& name, const std::vector<std::string>& candidates) {
  const std::u32string target = code_points(name);
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, target.size() / 2) + 1;
  std::size_t best_prefix = 0;
  for (const auto& candidate : candidates) {
    const std::u32string other = code_points(candidate);
    const std::size_t distance = edit_distance(target, other);
    // On a tie, the name that starts the same way wins: 线上线 is more
    // likely an unfinished 线上线下 than a mistyped 线上.
    const std::size_t prefix = static_cast<std::size_t>(
        std::mismatch(target.begin(), target.end(), other.begin(), other.end()).first - target.begin());
    if (distance < best_distance || (distance == best_distance && !best.empty() && prefix > best_prefix)) {
      best_distance = distance;
      best_prefix = prefix;
      best = candidate;
    }
  }
  return best;
}

std::string unlisted_name_warning(const std::string& name, const std::vector<std::string>& listed,
                                  const std::string& what, const std::string& list_key) {
  if (listed.empty() || name.empty() || std::find(listed.begin(), listed.end(), name) != listed.end()) return "";
  const std::string near = nearest_name(name, listed);
  return what + "“" + name + "”不在 site.json 的 " + list_key + " 名单中" +
         (near.empty() ? "，请检查名称或把它加进名单" : "，是不是“" + near + "”？");
}

}  // namespace zhuanlan
