// Builds the demo site that ships in content/ and checks that every page's
// internal links and asset references lead to a file that was written.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

// Resolves a link found in page (site-relative) to a site-relative file, or
// "" when it leaves the site.
std::string resolve_link(const std::string& page, std::string link, const std::string& base_path) {
  link = link.substr(0, link.find_first_of("#?"));
  if (link.empty()) return page;
  if (link.rfind("http://", 0) == 0 || link.rfind("https://", 0) == 0 || link.rfind("mailto:", 0) == 0) return "";
  fs::path target;
  if (link.front() == '/') {
    EXPECT_EQ(link.rfind(base_path, 0), 0u) << page << " links outside the base path: " << link;
    target = fs::path(link.substr(base_path.size()));
  } else {
    target = fs::path(page).parent_path() / link;
  }
  std::string out = target.lexically_normal().generic_string();
  if (out.empty() || out.back() == '/') out += "index.html";
  return out;
}

// The demo is built once for all tests (testing::demo_site_output(); an
// error in it fails the build, so the fixture or the first test).
TEST(DemoSite, BuildsAndEveryInternalLinkResolves) {
  const auto files = testing::read_tree(testing::demo_site_output());

  std::size_t news_pages = 0, day_pages = 0, links_checked = 0, image_versions = 0;
  const std::regex reference(R"((?:href|src)=\"([^\"]*)\")");
  const std::regex srcset(R"(srcset=\"([^\"]*)\")");
  const std::regex candidate(R"(([^\s,]+) (\d+)w)");
  for (const auto& [path, bytes] : files) {
    if (path.rfind("news/", 0) == 0 && path.find("index") == std::string::npos) ++news_pages;
    if (path.rfind("days/", 0) == 0) ++day_pages;
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), reference); it != std::sregex_iterator(); ++it) {
      const std::string link = (*it)[1];
      const std::string target = resolve_link(path, link, "/zjz2025/");
      if (target.empty()) {
        // Only plain links may leave the site: never a stylesheet, script or image.
        EXPECT_NE(it->str().rfind("href", 0), std::string::npos) << path << " loads " << link << " from another host";
        continue;
      }
      ++links_checked;
      EXPECT_EQ(files.count(target), 1u) << path << " links to " << link << " (" << target << "), which was not written";
    }
    // Every web version a page offers exists.
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), srcset); it != std::sregex_iterator(); ++it) {
      const std::string set = (*it)[1];
      for (auto c = std::sregex_iterator(set.begin(), set.end(), candidate); c != std::sregex_iterator(); ++c) {
        const std::string target = resolve_link(path, (*c)[1], "/zjz2025/");
        ++image_versions;
        EXPECT_EQ(files.count(target), 1u) << path << " offers " << (*c)[1] << ", which was not written";
      }
    }
  }
  // Photos are published as web versions only: no original is copied.
  for (const auto& [path, bytes] : files) {
    EXPECT_EQ(path.find("-original."), std::string::npos) << path;
  }
  EXPECT_TRUE(files.count("images/2025-05-11/opening-1-480.webp"));
  // The tour's map is a drawing, published cleaned (it holds nothing to
  // remove, so its bytes are unchanged); panoramas get the sizes of the
  // viewer (JPEG, at most 4096 px wide).
  EXPECT_EQ(files.at("images/tour/campus-map.svg"), testing::read_text(testing::source_dir() / "content/images/tour/campus-map.svg"));
  EXPECT_TRUE(files.count("images/tour/lake-360-2048.jpg"));
  EXPECT_FALSE(files.count("images/tour/lake-360.webp"));
  EXPECT_NE(files.at("tour/index.html").find("<img src=\"../images/tour/campus-map.svg\" width="), std::string::npos);
  EXPECT_GE(news_pages, 14u);  // at least two items a day for the week
  EXPECT_GE(day_pages, 7u);
  EXPECT_GT(links_checked, 500u);
  EXPECT_GT(image_versions, 500u);
}

// Every picture on every page keeps its place while it loads (width and
// height), and every photo offers its web versions (srcset), so that a
// phone never downloads the widest copy: covers, galleries, exhibits,
// people, the home page's strips. Drawings (SVG) scale by themselves.
TEST(DemoSite, EveryImageHasItsSizeAndEveryPhotoItsWebVersions) {
  const std::regex img(R"(<img\b[^>]*>)");
  std::size_t photos = 0;
  std::set<std::string> kinds;  // top folders of pages with photos
  for (const auto& [path, bytes] : testing::read_tree(testing::demo_site_output())) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), img); it != std::sregex_iterator(); ++it) {
      const std::string tag = it->str();
      EXPECT_NE(tag.find(" width=\""), std::string::npos) << path << ": " << tag;
      EXPECT_NE(tag.find(" height=\""), std::string::npos) << path << ": " << tag;
      if (tag.find(".svg\"") != std::string::npos) continue;
      ++photos;
      kinds.insert(path.find('/') == std::string::npos ? "home" : path.substr(0, path.find('/')));
      EXPECT_NE(tag.find(" srcset=\""), std::string::npos) << path << ": " << tag;
      EXPECT_NE(tag.find(" sizes=\""), std::string::npos) << path << ": " << tag;
    }
  }
  EXPECT_GT(photos, 100u);
  for (const char* kind : {"home", "news", "schedule", "exhibition", "people", "tour"}) {
    EXPECT_TRUE(kinds.count(kind)) << "no photo checked on " << kind << " pages";
  }
}

}  // namespace
}  // namespace zhuanlan
