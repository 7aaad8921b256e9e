#pragma once
// What every loader of one load shares: where the site is, its settings
// (site.json), and the image headers already read. Built by load_content()
// for the time the content loads and passed to the loaders that need it;
// SiteConfig itself stays plain settings.
#include <filesystem>

#include "model/content.h"

namespace zhuanlan {

class ImageHeaders;  // load/image_refs.h

struct LoadContext {
  std::filesystem::path site_dir;  // the folder holding content/
  const SiteConfig& site;
  // Shared by the loaders (they run in parallel), so that a photo used as a
  // cover and again in the text, or by many pages, is read once.
  ImageHeaders& headers;

  std::filesystem::path content_dir() const { return site_dir / "content"; }
};

}  // namespace zhuanlan
