#pragma once
// Achievements (成果) for the online exhibition, from content/achievements/:
// *.json (one object or an array of objects) and *.csv (one record a row, as
// departments export it from a spreadsheet, in UTF-8 or GBK).
#include <filesystem>
#include <string>
#include <vector>

#include "load/load_context.h"
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

std::vector<Achievement> load_achievements(const LoadContext& context, Diagnostics& diagnostics);

// The id of a record that has none: its date (when given) and a hash of its
// department, title and date, e.g. 2024-06-1a2b3c4d. It stays the same
// whatever file or row the record is in, and changes only when one of those
// three does.
std::string derived_achievement_id(const std::string& department, const std::string& title, const std::string& date);

}  // namespace zhuanlan
