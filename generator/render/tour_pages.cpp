#include "render/tour_pages.h"

#include <cstdio>

#include "render/image_tag.h"
#include "render/exhibition_pages.h"
#include "render/schedule_pages.h"
#include "util/paths.h"

namespace zhuanlan {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

// A CSS percentage from a fraction already checked to lie in 0–1.
std::string percent(double fraction) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.2f%%", fraction * 100.0);
  return buffer;
}

data stop_link(const TourStop& stop, std::size_t index) {
  data d;
  d.set("number", std::to_string(index + 1));
  d.set("name", stop.name);
  d.set("url", stop.url);
  return d;
}

}  // namespace

std::string render_tour_map(PageRenderer& r) {
  const SiteModel& model = r.model();
  const Tour& tour = *model.tour;
  const std::string path = "tour/index.html";
  const std::string root = root_prefix_for(path);
  data d = r.common(root);
  d.set("title", tour.title);
  d.set("intro", tour.intro.empty() ? data(false) : data(tour.intro));
  d.set("map_img", image_tag(tour.map, root, false));
  list stops;
  for (std::size_t i = 0; i < tour.stops.size(); ++i) {
    const TourStop& stop = tour.stops[i];
    data entry = stop_link(stop, i);
    entry.set("left", percent(stop.x));
    entry.set("top", percent(stop.y));
    entry.set("panorama", stop.panorama.has_value() || !stop.external_url.empty());
    stops.push_back(entry);
  }
  d.set("stops", stops);
  d.set("count", std::to_string(tour.stops.size()));
  d.set("first_url", tour.stops.front().url);
  return r.wrap({path, "tour", tour.title,
                 tour.intro.empty() ? r.text().fill("校园导览.简介", {{"学校", model.site.school}}) : tour.intro,
                 tour.map.published_path, false, false},
                r.render("tour", d));
}

std::string render_tour_stop(PageRenderer& r, std::size_t index) {
  const SiteModel& model = r.model();
  const Tour& tour = *model.tour;
  const TourStop& stop = tour.stops[index];
  const std::string root = root_prefix_for(stop.url);
  data d = r.common(root);
  d.set("tour_title", tour.title);
  d.set("name", stop.name);
  d.set("id", stop.id);
  d.set("number", std::to_string(index + 1));
  d.set("total", std::to_string(tour.stops.size()));
  d.set("photo_img", image_tag(stop.photo, root, false));
  d.set("photo_caption", text_or_false(stop.photo.caption));
  if (stop.panorama) {
    data panorama;
    panorama.set("src", root + stop.panorama->published_path);
    panorama.set("title", stop.name);
    d.set("panorama", panorama);
  } else {
    d.set("panorama", false);
  }
  d.set("external_url", stop.external_url.empty() ? data(false) : data(stop.external_url));
  d.set("description", text_or_false(r.markdown(stop.description_markdown, stop.url)));
  list activities;
  for (const auto& id : stop.activities) {
    const auto it = model.activity_by_id.find(id);
    if (it == model.activity_by_id.end()) continue;
    activities.push_back(activity_entry(model.activities[it->second], r.text()));
  }
  d.set("activities", activities);
  d.set("has_activities", !stop.activities.empty());
  d.set("exhibits", exhibit_links(model, stop.achievements));
  d.set("has_exhibits", !stop.achievements.empty());
  d.set("prev", index > 0 ? stop_link(tour.stops[index - 1], index - 1) : data(false));
  d.set("next", index + 1 < tour.stops.size() ? stop_link(tour.stops[index + 1], index + 1) : data(false));
  return r.wrap({stop.url, "tour", stop.name + " - " + tour.title,
                 stop.description_text.empty() ? r.text().fill("校园导览.地点简介", {{"路线", tour.title}, {"地点", stop.name}})
                                               : stop.description_text,
                 stop.photo.published_path, false, false},
                r.render("tour_stop", d));
}

}  // namespace zhuanlan
