#include "scaffold/new_content.h"

#include <gtest/gtest.h>

#include "util/dates.h"

namespace zhuanlan {
namespace {

std::chrono::sys_seconds at(const char* text) {
  std::string error;
  return parse_timestamp(text, &error)->utc;
}

TEST(NewContent, NewsGetsAStableAsciiNameInItsDayFolderAndChinaTime) {
  SiteConfig site;
  NewRequest request{NewKind::news, "校企合作签约仪式", "", at("2025-05-13T01:30:00Z")};
  std::string error;
  const auto file = plan_new_file(request, site, &error);
  ASSERT_TRUE(file) << error;
  EXPECT_EQ(file->path, "content/news/2025-05-13/20250513-0930.md");
  EXPECT_NE(file->bytes.find("title: \"校企合作签约仪式\"\n"), std::string::npos) << file->bytes;
  EXPECT_NE(file->bytes.find("date: 2025-05-13 09:30\n"), std::string::npos) << file->bytes;
  EXPECT_EQ(file->bytes.find("reviewer:"), std::string::npos) << "the site does not ask for one";
}

TEST(NewContent, TheSitesOnlyDepartmentAndItsReviewerRuleArePrefilled) {
  SiteConfig site;
  site.departments = {"宣传部"};
  site.require_reviewer = true;
  std::string error;
  const auto file = plan_new_file({NewKind::news, "甲", "", at("2025-05-13 09:30")}, site, &error);
  ASSERT_TRUE(file) << error;
  EXPECT_NE(file->bytes.find("department: \"宣传部\""), std::string::npos) << file->bytes;
  EXPECT_NE(file->bytes.find("reviewer: \"\""), std::string::npos) << file->bytes;

  site.departments = {"教务处", "学生处"};
  const auto listed = plan_new_file({NewKind::news, "甲", "", at("2025-05-13 09:30")}, site, &error);
  EXPECT_NE(listed->bytes.find("department: \"\""), std::string::npos) << listed->bytes;
  EXPECT_NE(listed->bytes.find("教务处、学生处"), std::string::npos) << "the names to choose from are shown";
}

TEST(NewContent, TitlesAreQuotedSoThatNoCharacterBreaksTheFile) {
  SiteConfig site;
  std::string error;
  const auto page = plan_new_file({NewKind::page, "a\"b: #c\\", "notice", at("2025-05-13 09:30")}, site, &error);
  ASSERT_TRUE(page) << error;
  EXPECT_EQ(page->path, "content/pages/notice.md");
  EXPECT_NE(page->bytes.find("title: \"a\\\"b: #c\\\\\"\n"), std::string::npos) << page->bytes;
  const auto activity = plan_new_file({NewKind::activity, "比赛\"一\"", "", at("2025-05-13 09:30")}, site, &error);
  ASSERT_TRUE(activity) << error;
  EXPECT_EQ(activity->path, "content/activities/activity-20250513-0930.json");
  EXPECT_NE(activity->bytes.find("\"id\": \"activity-20250513-0930\""), std::string::npos) << activity->bytes;
  EXPECT_NE(activity->bytes.find("\"title\": \"比赛\\\"一\\\"\""), std::string::npos) << activity->bytes;
  EXPECT_NE(activity->bytes.find("\"end\": \"2025-05-13T10:30\""), std::string::npos) << activity->bytes;
}

TEST(NewContent, ASlugThatIsNotLowercaseAsciiIsRefused) {
  SiteConfig site;
  for (const char* slug : {"校企", "Big", "a/b", "../x", "-a"}) {
    std::string error;
    EXPECT_FALSE(plan_new_file({NewKind::person, "甲", slug, at("2025-05-13 09:30")}, site, &error)) << slug;
    EXPECT_NE(error.find("小写英文字母"), std::string::npos) << error;
  }
  EXPECT_FALSE(parse_new_kind("post"));
  EXPECT_EQ(parse_new_kind("person"), NewKind::person);
}

}  // namespace
}  // namespace zhuanlan
