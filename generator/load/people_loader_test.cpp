#include "load/people_loader.h"
#include "load/image_refs.h"

#include <gtest/gtest.h>

#include "render/markdown_html.h"

#include "load/site_config.h"
#include "test_support.h"

namespace zhuanlan {
namespace {

class PeopleLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json",
                        testing::minimal_site_json(R"("departments": ["汽车工程学院"],
  "people": { "roles": ["大国工匠", "优秀学生"] })"));
    testing::write_image(site_.path() / "content/images/people/a.jpg");
  }
  std::vector<Person> load(const std::string& name, const std::string& text) {
    testing::write_text(site_.path() / "content/people" / name, text);
    Diagnostics config_problems;
    const auto config = load_site_config(site_.path(), "", config_problems);
    EXPECT_TRUE(config.has_value());
    EXPECT_EQ(config->people_roles, (std::vector<std::string>{"大国工匠", "优秀学生"}));
    found_ = {};
    ImageHeaders headers;
    return load_people({site_.path(), *config, headers}, found_);
  }
  testing::TempDir site_;
  Diagnostics found_;
};

TEST_F(PeopleLoaderTest, ReadsEveryField) {
  const auto people = load("张工.md", R"(---
name: 张青山
role: 大国工匠
department: 汽车工程学院
photo: ../images/people/a.jpg
honors: [全国技术能手, 省五一劳动奖章]
order: 2
---
三十年只做一件事。
)");
  ASSERT_EQ(people.size(), 1u);
  EXPECT_TRUE(found_.items.empty());
  const Person& p = people[0];
  EXPECT_EQ(p.name, "张青山");
  EXPECT_EQ(p.role, "大国工匠");
  EXPECT_EQ(p.honors, (std::vector<std::string>{"全国技术能手", "省五一劳动奖章"}));
  EXPECT_EQ(p.order, 2);
  ASSERT_TRUE(p.photo);
  EXPECT_EQ(p.photo->content_path, "images/people/a.jpg");
  EXPECT_EQ(p.photo->alt, "张青山（大国工匠）的照片");
  EXPECT_EQ(p.photo->caption, p.photo->alt);  // counts as captioned for check
  EXPECT_EQ(p.url.rfind("people/", 0), 0u);
  EXPECT_EQ(p.url.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-/."), std::string::npos) << p.url;
  EXPECT_NE(markdown_html(p.story_markdown, {p.url}).find("三十年只做一件事。"), std::string::npos);
  EXPECT_EQ(p.summary, "三十年只做一件事。");
}

TEST_F(PeopleLoaderTest, MissingRoleIsAnErrorAndUnlistedRoleAWarning) {
  load("a.md", "---\nname: 甲\n---\n故事\n");
  ASSERT_EQ(found_.error_count(), 1);
  EXPECT_NE(found_.items[0].message.find("role"), std::string::npos);
  load("b.md", "---\nname: 乙\nrole: 优秀学声\n---\n故事\n");
  bool warned = false;
  for (const auto& d : found_.items) {
    if (d.file == "content/people/b.md" && d.severity == Severity::warning) {
      warned = true;
      EXPECT_EQ(d.line, 3);
      EXPECT_NE(d.message.find("是不是“优秀学生”"), std::string::npos) << d.message;
    }
  }
  EXPECT_TRUE(warned);
}

TEST_F(PeopleLoaderTest, CrlfCrAndBomFilesReadLikeLfOnes) {
  for (const std::string eol : {"\r\n", "\r"}) {
    std::string text = "\xEF\xBB\xBF---\nname: 张青山\nrole: 大国工匠\nhonors:\n  - 全国技术能手\nnmae: 错字\n---\n三十年只做一件事。\n";
    std::string converted;
    for (const char c : text) converted += c == '\n' ? eol : std::string(1, c);
    const auto people = load("张工.md", converted);
    ASSERT_EQ(people.size(), 1u);
    EXPECT_EQ(people[0].name, "张青山");
    EXPECT_EQ(people[0].role, "大国工匠");
    EXPECT_EQ(people[0].honors, (std::vector<std::string>{"全国技术能手"}));
    ASSERT_EQ(found_.items.size(), 1u);
    EXPECT_EQ(found_.items[0].line, 6);
    EXPECT_NE(found_.items[0].message.find("不认识的字段 nmae"), std::string::npos);
  }
}

}  // namespace
}  // namespace zhuanlan
