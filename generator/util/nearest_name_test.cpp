#include "util/nearest_name.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

TEST(NearestName, SuggestsTheListedNameForANearMiss) {
  const std::vector<std::string> departments = {"教务处", "学生处", "汽车工程学院"};
  EXPECT_EQ(nearest_name("教务外", departments), "教务处");
  EXPECT_EQ(nearest_name("汽车工程学", departments), "汽车工程学院");
  EXPECT_EQ(nearest_name("图书馆", departments), "");  // nothing close
  EXPECT_EQ(nearest_name("线上线", {"线下", "线上", "线上线下"}), "线上线下");
}

TEST(UnlistedNameWarning, NamesTheListAndSuggestsTheNearestEntry) {
  EXPECT_EQ(unlisted_name_warning("教务处", {"教务处"}, "供稿单位", "departments"), "");
  EXPECT_EQ(unlisted_name_warning("随便", {}, "供稿单位", "departments"), "");  // no list: nothing to check
  EXPECT_EQ(unlisted_name_warning("教务外", {"教务处", "学生处"}, "供稿单位", "departments"),
            "供稿单位“教务外”不在 site.json 的 departments 名单中，是不是“教务处”？");
  EXPECT_EQ(unlisted_name_warning("图书馆", {"教务处"}, "供稿单位", "departments"),
            "供稿单位“图书馆”不在 site.json 的 departments 名单中，请检查名称或把它加进名单");
}

}  // namespace
}  // namespace zhuanlan
