#include "model/activity_time.h"

namespace zhuanlan {

std::string activity_time_text(const Activity& a, const std::string& all_day) {
  const bool one_day = a.first_day == a.last_day;
  std::string text = format_day_chinese(a.first_day) + " " + weekday_chinese(a.first_day);
  if (!a.start.has_time) {
    return one_day ? text + " " + all_day
                   : text + "—" + format_month_day_chinese(a.last_day) + " " + weekday_chinese(a.last_day);
  }
  text += " " + format_time_china(a.start.utc);
  if (!a.end) return text;
  if (one_day) return text + "—" + format_time_china(a.end->utc);
  return text + "—" + format_month_day_chinese(a.last_day) + (a.end->has_time ? " " + format_time_china(a.end->utc) : "");
}

}  // namespace zhuanlan
