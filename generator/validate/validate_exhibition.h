#pragma once
// Checks of the exhibition and the typical people: ids and URLs used twice
// (across files) and exhibits named by the campus tour that do not exist.
// (Names not in site.json's lists are checked by the loaders, which know the
// line and cell of each name, with unlisted_name_warning.)
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

void validate_exhibition(const Content& content, Diagnostics& diagnostics);

}  // namespace zhuanlan
