#include "validate/validate_content.h"

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

}  // namespace
}  // namespace zhuanlan
