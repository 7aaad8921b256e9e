#pragma once
// Typical people (典型人物) from content/people/*.md: front matter with name,
// role, department, photo, honors and order; the body is the person's story.
#include <filesystem>
#include <vector>

#include "load/load_context.h"
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

std::vector<Person> load_people(const LoadContext& context, Diagnostics& diagnostics);

}  // namespace zhuanlan
