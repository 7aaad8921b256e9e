#pragma once
// Suggestions for names that are not in a site's lists (departments,
// levels, forms), shared by the loaders and the checks across files.
#include <string>
#include <vector>

namespace zhuanlan {

// The listed name closest to `name` (by edit distance over characters), or
// "" when nothing is close; used to suggest 教务处 for 教务外.
std::string nearest_name(const std::string& name, const std::vector<std::string>& candidates);

// The warning to give when `name` is not in `listed` ("" when it is, or when
// the list is empty), with the nearest listed name as a suggestion.
// what: 供稿单位; list_key: departments.
std::string unlisted_name_warning(const std::string& name, const std::vector<std::string>& listed,
                                  const std::string& what, const std::string& list_key);

}  // namespace zhuanlan
