#pragma once
// Checks that need more than one file at a time: two files that would be
// published at the same URL, names that are not in the site's lists, dates
// outside the week (or month).
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

void validate_content(const Content& content, Diagnostics& diagnostics);

// The listed name closest to `name` (by edit distance over characters), or
// "" when nothing is close; used to suggest 教务处 for 教务外.
std::string nearest_name(const std::string& name, const std::vector<std::string>& candidates);

// The warning to give when `name` is not in `listed` ("" when it is, or when
// the list is empty), with the nearest listed name as a suggestion.
// what: 供稿单位; list_key: departments.
std::string unlisted_name_warning(const std::string& name, const std::vector<std::string>& listed,
                                  const std::string& what, const std::string& list_key);

}  // namespace zhuanlan
