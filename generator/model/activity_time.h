#pragma once
// When an activity takes place, in words: 2025年5月13日 星期二 09:00—17:00.
#include <string>

#include "model/content.h"

namespace zhuanlan {

// all_day: the word for an activity without a time of day (全天).
std::string activity_time_text(const Activity& activity, const std::string& all_day);

}  // namespace zhuanlan
