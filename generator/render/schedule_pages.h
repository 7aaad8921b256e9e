#pragma once
// The activity programme: the schedule, a page per activity, and the parts
// other pages show of it (the home page's "today and next" strip, a
// department's activities, the activity a news item reports).
#include <kainjow/mustache.hpp>

#include <string>

#include "render/page_renderer.h"

namespace zhuanlan {

std::string render_schedule(PageRenderer& renderer);
std::string render_activity(PageRenderer& renderer, std::size_t index);

// "2025年5月13日 星期二 09:00—17:00", "2025年5月15日 09:00—5月17日 17:00".
std::string activity_time_text(const Activity& activity, const SiteText& text);

// An activity as a list entry: title, url, time, place, departments, form.
kainjow::mustache::data activity_entry(const Activity& activity, const SiteText& text);

// Adds the home page's schedule strip: the whole week for readers without
// JavaScript, and the schedule as JSON for the script that picks today's
// and the next activities in China time.
void add_schedule_strip(const SiteModel& model, const SiteText& text, kainjow::mustache::data& home);

// The activities a department leads or helps with, for its page.
kainjow::mustache::data department_activities(const SiteModel& model, const std::string& department,
                                              const SiteText& text);

// The schedule as JSON that is safe inside a <script> element.
std::string schedule_json(const SiteModel& model);

}  // namespace zhuanlan
