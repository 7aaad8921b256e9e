#include "load/tour_loader.h"
#include "load/image_refs.h"

#include <gtest/gtest.h>

#include "render/markdown_html.h"

#include "load/site_config.h"
#include "test_support.h"
#include "validate/validate_content.h"

namespace zhuanlan {
namespace {

class TourLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    testing::write_image(site_.path() / "content/images/tour/map.jpg");
    testing::write_image(site_.path() / "content/images/tour/a.jpg");
    testing::write_image(site_.path() / "content/images/tour/a-360.jpg");
    Diagnostics ignored;
    config_ = *load_site_config(site_.path(), "", ignored);
  }
  std::optional<Tour> load(const std::string& json) {
    testing::write_text(site_.path() / "content/tour.json", json);
    ImageHeaders headers;
    return load_tour({site_.path(), config_, headers}, found_);
  }
  int line_of(const std::string& needle) {
    for (const auto& d : found_.items) {
      if (d.message.find(needle) != std::string::npos) return d.line;
    }
    ADD_FAILURE() << "no diagnostic mentions " << needle;
    for (const auto& d : found_.items) ADD_FAILURE() << format_diagnostic(d);
    return -1;
  }
  testing::TempDir site_;
  SiteConfig config_;
  Diagnostics found_;
};

TEST_F(TourLoaderTest, ReadsStopsInRouteOrder) {
  const auto tour = load(R"({ "map": "images/tour/map.jpg", "stops": [
    { "id": "gate", "name": "校门", "x": 0.1, "y": 0.9, "photo": "images/tour/a.jpg", "caption": "学院正门" },
    { "id": "lab", "name": "实训中心", "x": 0.42, "y": 0.31, "photo": "images/tour/a.jpg",
      "panorama": "images/tour/a-360.jpg", "description": "**先进**设备", "activities": ["x"] } ] })");
  ASSERT_TRUE(tour) << found_.items.size();
  ASSERT_EQ(tour->stops.size(), 2u);
  EXPECT_EQ(tour->stops[1].url, "tour/lab.html");
  EXPECT_EQ(tour->stops[0].photo.caption, "学院正门");
  EXPECT_EQ(tour->stops[1].photo.caption, "");
  EXPECT_DOUBLE_EQ(tour->stops[1].x, 0.42);
  ASSERT_TRUE(tour->stops[1].panorama);
  EXPECT_EQ(tour->stops[1].panorama->published_path, "images/tour/a-360.jpg");
  EXPECT_NE(markdown_html(tour->stops[1].description_markdown, {tour->stops[1].url}).find("<strong>先进</strong>"),
            std::string::npos);
  EXPECT_EQ(tour->title, "线上逛校园");
}

TEST_F(TourLoaderTest, ReportsBadStopsWithTheirLines) {
  EXPECT_FALSE(load("{\n  \"map\": \"images/tour/map.jpg\",\n  \"stops\": [\n"
                    "    { \"id\": \"a\", \"name\": \"甲\", \"x\": 1.2, \"y\": 0.5, \"photo\": \"images/tour/a.jpg\" },\n"
                    "    { \"id\": \"a\", \"name\": \"乙\", \"x\": 0.2, \"y\": -1, \"photo\": \"images/tour/a.jpg\" },\n"
                    "    { \"id\": \"c\", \"name\": \"丙\", \"x\": 0.2, \"y\": 0.2, \"photo\": \"images/tour/none.jpg\" },\n"
                    "    { \"id\": \"d\", \"name\": \"丁\", \"y\": 0.2, \"photo\": \"images/tour/a.jpg\" }\n  ]\n}\n"));
  EXPECT_EQ(line_of("\"x\" 应当是 0 到 1 之间的数"), 4);
  EXPECT_EQ(line_of("与第 4 行的站点重复"), 5);
  EXPECT_EQ(line_of("\"y\" 应当是 0 到 1 之间的数"), 5);
  EXPECT_EQ(line_of("找不到文件 content/images/tour/none.jpg"), 6);
  EXPECT_EQ(line_of("缺少 \"x\""), 7);
}

TEST_F(TourLoaderTest, UnknownActivityIdsAreErrors) {
  Content content;
  content.site = config_;
  content.tour = load(R"({ "map": "images/tour/map.jpg", "stops": [
    { "id": "gate", "name": "校门", "x": 0.1, "y": 0.9, "photo": "images/tour/a.jpg", "activities": ["opening"] } ] })");
  Activity opening;
  opening.id = "opening-ceremony";
  content.activities = {opening};
  Diagnostics found;
  validate_content(content, found);
  ASSERT_EQ(found.error_count(), 1);
  EXPECT_NE(found.items[0].message.find("“opening”在 content/activities/ 中找不到"), std::string::npos);
  EXPECT_EQ(found.items[0].line, 2);
}

}  // namespace
}  // namespace zhuanlan
