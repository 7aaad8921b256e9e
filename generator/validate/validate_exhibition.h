#pragma once
// Checks of the exhibition and the typical people: ids and URLs used twice
// (across files), exhibits named by the campus tour that do not exist, and
// names that are not in site.json's lists (used by the loaders, which know
// the line and cell of each name).
#include <string>
#include <vector>

#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

void validate_exhibition(const Content& content, Diagnostics& diagnostics);

// The warning to give when `name` is not in `listed` ("" when it is, or when
// the list is empty), with the nearest listed name as a suggestion.
// what: 单位; list_key: departments.
std::string unlisted_name_warning(const std::string& name, const std::vector<std::string>& listed,
                                  const std::string& what, const std::string& list_key);

}  // namespace zhuanlan
