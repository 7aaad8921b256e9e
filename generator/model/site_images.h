#pragma once
// Every image the site shows, once each. Features list their images in
// for_each_image(); publishing (web versions), check
// (submission rules) and report (the featured photos) all go through it.
#include <string>
#include <vector>

#include "model/site_model.h"

namespace zhuanlan {

// Calls visit(image, source) for every ImageRef of a Content or SiteModel,
// with the file (as shown in messages) that uses it.
template <typename Site, typename Visit>
void for_each_image(Site& site, Visit&& visit) {
  for (auto& item : site.news) {
    if (item.cover) visit(*item.cover, item.source);
    for (auto& image : item.images) visit(image, item.source);
  }
  for (auto& page : site.pages) {
    for (auto& image : page.images) visit(image, page.source);
  }
  for (auto& activity : site.activities) {
    for (auto& image : activity.images) visit(image, activity.source);
  }
  const auto visit_exhibit = [&](auto& exhibit) {
    for (auto& image : exhibit.gallery) visit(image, exhibit.source);
    for (auto& image : exhibit.images) visit(image, exhibit.source);
  };
  const auto visit_person = [&](auto& person) {
    if (person.photo) visit(*person.photo, person.source);
    for (auto& image : person.images) visit(image, person.source);
  };
  // Loaded content keeps exhibits and people as read; the site model keeps
  // them in the exhibition.
  if constexpr (requires { site.achievements; }) {
    for (auto& exhibit : site.achievements) visit_exhibit(exhibit);
    for (auto& person : site.people) visit_person(person);
  } else {
    for (auto& exhibit : site.exhibition.exhibits) visit_exhibit(exhibit);
    for (auto& person : site.exhibition.people) visit_person(person);
  }
  if (site.tour) {
    visit(site.tour->map, site.tour->source);
    for (auto& stop : site.tour->stops) {
      visit(stop.photo, site.tour->source);
      if (stop.panorama) visit(*stop.panorama, site.tour->source);
    }
  }
}

// One image file as the site publishes it, however many pages show it.
struct SiteImage {
  ImageRef image;                    // as first used: paths, size, how it is published
  std::vector<std::string> used_by;  // the files that show it, each once, in order
  bool captioned = false;            // at least one of them gives it a caption
};

// Every image of the site, ordered by content path. (Two images whose
// published files would have the same name are found with every other
// output path, by check_output_paths in render/output_plan.h.)
std::vector<SiteImage> collect_site_images(const SiteModel& model);

}  // namespace zhuanlan
