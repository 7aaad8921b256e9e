#include "validate/validate_exhibition.h"
#include "util/nearest_name.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

TEST(ValidateExhibition, DuplicateIdsNameBothPlaces) {
  Content content;
  Achievement a;
  a.id = "2024-06-1a2b3c4d";
  a.source = "content/achievements/a.csv";
  a.line = 4;
  Achievement b = a;
  b.source = "content/achievements/b.json";
  b.line = 2;
  content.achievements = {a, b};
  Diagnostics found;
  validate_exhibition(content, found);
  ASSERT_EQ(found.error_count(), 1);
  EXPECT_EQ(found.items[0].file, "content/achievements/b.json");
  EXPECT_EQ(found.items[0].line, 2);
  EXPECT_NE(found.items[0].message.find("content/achievements/a.csv 第 4 行"), std::string::npos);
}

TEST(ValidateExhibition, TourStopsMayOnlyNameExistingExhibits) {
  Content content;
  Achievement a;
  a.id = "national-gold";
  content.achievements = {a};
  Tour tour;
  TourStop stop;
  stop.name = "汽车实训中心";
  stop.line = 12;
  stop.achievements = {"national-gold", "natinal-gold"};
  tour.stops = {stop};
  content.tour = tour;
  Diagnostics found;
  validate_exhibition(content, found);
  ASSERT_EQ(found.error_count(), 1);
  EXPECT_EQ(found.items[0].file, "content/tour.json");
  EXPECT_EQ(found.items[0].line, 12);
  EXPECT_NE(found.items[0].message.find("“natinal-gold”"), std::string::npos);
}

TEST(ValidateExhibition, UnlistedNamesGetTheNearestSuggestion) {
  EXPECT_EQ(unlisted_name_warning("护理学院", {"护理学院"}, "单位", "departments"), "");
  EXPECT_EQ(unlisted_name_warning("随便", {}, "单位", "departments"), "");
  EXPECT_NE(unlisted_name_warning("护理学员", {"护理学院", "教务处"}, "单位", "departments").find("是不是“护理学院”"),
            std::string::npos);
}

}  // namespace
}  // namespace zhuanlan
