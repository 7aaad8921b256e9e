#pragma once
// Stylesheets, scripts and the logo: the shipped ones, overridden file by
// file by the site's own assets/. Each is published under a name that holds
// a hash of its bytes, so browsers may cache it for ever and still see a
// change at once.
#include <filesystem>
#include <string>
#include <vector>

#include "render/page_renderer.h"

namespace zhuanlan {

struct PublishedAsset {
  std::string source;          // assets/style.css
  std::string published_path;  // assets/style.1a2b3c4d5e.css
  std::string bytes;
};

struct AssetSet {
  std::vector<PublishedAsset> files;
  AssetPaths paths;  // template key -> published path
};

AssetSet collect_assets(const std::filesystem::path& site_dir);

// The name templates use for an asset: assets/css/main.css -> css_main_css.
std::string asset_key(const std::string& path_in_assets);

}  // namespace zhuanlan
