#pragma once
// Checks that need more than one file at a time: two files that would be
// published at the same URL, names that are not in the site's lists, dates
// outside the week (or month).
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

void validate_content(const Content& content, Diagnostics& diagnostics);

}  // namespace zhuanlan
