#pragma once
#include <filesystem>
#include <vector>

#include "load/load_context.h"
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// Loads content/news/**/*.md in parallel. Drafts are left out unless
// include_drafts; problems in a left-out draft are reported as warnings, so
// that an unfinished draft never blocks publishing.
std::vector<NewsItem> load_news(const LoadContext& context, bool include_drafts, Diagnostics& diagnostics);

// Loads content/pages/*.md (free pages: notices, policy study, about).
std::vector<FreePage> load_pages(const LoadContext& context, Diagnostics& diagnostics);

}  // namespace zhuanlan
