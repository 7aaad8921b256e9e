#include "load/achievement_loader.h"
#include "load/image_refs.h"

#include <gtest/gtest.h>

#include "render/markdown_html.h"

#include "load/site_config.h"
#include "test_support.h"

namespace zhuanlan {
namespace {

using testing::TempDir;

const std::string kHeader = "标题,单位,类别,级别,日期,人员,简介,图片,图片说明\n";

class AchievementLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json",
                        testing::minimal_site_json(R"("departments": ["汽车工程学院", "护理学院"])"));
    testing::write_image(site_.path() / "content/images/ach/a.jpg");
    testing::write_image(site_.path() / "content/images/ach/b.jpg");
  }

  std::vector<Achievement> load(const std::string& name, const std::string& bytes) {
    testing::write_text(site_.path() / "content/achievements" / name, bytes);
    return load_all();
  }
  std::vector<Achievement> load_all() {
    Diagnostics config_problems;
    const auto config = load_site_config(site_.path(), "", config_problems);
    EXPECT_TRUE(config.has_value());
    found_ = {};
    ImageHeaders headers;
    return load_achievements({site_.path(), *config, headers}, found_);
  }

  // The one diagnostic whose message holds needle.
  Diagnostic find(const std::string& needle) {
    for (const auto& d : found_.items) {
      if (d.message.find(needle) != std::string::npos) return d;
    }
    ADD_FAILURE() << "no diagnostic mentions " << needle;
    for (const auto& d : found_.items) ADD_FAILURE() << format_diagnostic(d);
    return {};
  }

  TempDir site_;
  Diagnostics found_;
};

TEST_F(AchievementLoaderTest, ReadsACsvRowWithChineseHeaders) {
  const auto items = load("auto.csv", kHeader +
      "全国职业院校技能大赛一等奖,汽车工程学院,技能竞赛获奖,国家级,2024/6/13,学生甲、学生乙；指导教师丙,"
      "\"第一段，有逗号。\n\n第二段“引用”。\",images/ach/a.jpg；images/ach/b.jpg,颁奖现场；比赛现场\n");
  ASSERT_EQ(items.size(), 1u) << (found_.items.empty() ? "" : format_diagnostic(found_.items[0]));
  EXPECT_EQ(found_.items.size(), 0u);
  const Achievement& a = items[0];
  EXPECT_EQ(a.title, "全国职业院校技能大赛一等奖");
  EXPECT_EQ(a.department, "汽车工程学院");
  EXPECT_EQ(a.level, "国家级");
  EXPECT_EQ(a.date, "2024-06-13");
  EXPECT_EQ(a.date_text, "2024年6月13日");
  EXPECT_EQ(a.people, (std::vector<std::string>{"学生甲", "学生乙", "指导教师丙"}));
  EXPECT_EQ(a.line, 2);
  EXPECT_NE(markdown_html(a.summary_markdown, {a.url}).find("<p>第二段“引用”。</p>"), std::string::npos);
  ASSERT_EQ(a.gallery.size(), 2u);
  EXPECT_EQ(a.gallery[0].content_path, "images/ach/a.jpg");
  EXPECT_EQ(a.gallery[0].caption, "颁奖现场");
  EXPECT_EQ(a.gallery[1].caption, "比赛现场");
  EXPECT_EQ(a.url, "exhibition/" + a.id + ".html");
  EXPECT_EQ(a.id.rfind("2024-06-13-", 0), 0u);
}

TEST_F(AchievementLoaderTest, AcceptsJsonKeysAsHeadersAndABom) {
  const auto items = load("nursing.csv", "\xEF\xBB\xBFid,title,department,category,level,date,people,captions,images\n"
                                         "nurse-gold,护理技能大赛金奖,护理学院,技能竞赛获奖,省级,2024-05,甲；乙,,\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].id, "nurse-gold");
  EXPECT_EQ(items[0].title, "护理技能大赛金奖");  // the BOM is not part of the first header
  EXPECT_EQ(items[0].people, (std::vector<std::string>{"甲", "乙"}));
}

TEST_F(AchievementLoaderTest, ReadsGbkCsv) {
  // 标题,单位,类别 / 奖项,护理学院,荣誉称号 in GBK, with CRLF line ends.
  const auto items = load("gbk.csv",
                          "\xB1\xEA\xCC\xE2,\xB5\xA5\xCE\xBB,\xC0\xE0\xB1\xF0\r\n"
                          "\xBD\xB1\xCF\xEE\xBC\xD7\xD2\xD2\xB1\xFB,\xBB\xA4\xC0\xED\xD1\xA7\xD4\xBA,"
                          "\xC8\xD9\xD3\xFE\xB3\xC6\xBA\xC5\r\n");
  ASSERT_EQ(items.size(), 1u) << (found_.items.empty() ? "" : format_diagnostic(found_.items[0]));
  EXPECT_EQ(items[0].department, "护理学院");
  EXPECT_EQ(items[0].category, "荣誉称号");
}

TEST_F(AchievementLoaderTest, EmptyCellsAndBlankRowsAreFine) {
  const auto items = load("a.csv", kHeader + "只有必填项,护理学院,荣誉称号,,,,,,\n,,,,,,,,\n\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(found_.items.empty());
  EXPECT_EQ(items[0].level, "");
  EXPECT_EQ(items[0].date, "");
  EXPECT_TRUE(items[0].people.empty());
  EXPECT_TRUE(items[0].gallery.empty());
}

TEST_F(AchievementLoaderTest, ABrokenRowIsReportedWithItsRowNumberAndTheOthersLoad) {
  const auto items = load("a.csv", kHeader +
      "第一项,护理学院,荣誉称号,校级,2024-05,,,,\n"
      "第二项,护理学院,荣誉称号,校级,2024-05,,简介里有逗号,没有引号,,\n"
      "第三项,护理学院,荣誉称号,校级,2024-05,,,,\n");
  EXPECT_EQ(items.size(), 2u);
  const Diagnostic d = find("个单元格");
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.file, "content/achievements/a.csv");
}

TEST_F(AchievementLoaderTest, ProblemsNameRowAndColumn) {
  load("a.csv", kHeader +
       "第一项,护理学院,荣誉称号,国家,2024-05,,,,\n"
       "\"多行\n标题\",护理学院,荣誉称号,省级,2024-13,,,images/ach/a.jpg,\n"
       ",护理学院,荣誉称号,省级,,,,,\n");
  const Diagnostic level = find("级别“国家”");
  EXPECT_EQ(level.line, 2);
  EXPECT_NE(level.message.find("第 4 列（D 列“级别”）"), std::string::npos) << level.message;
  EXPECT_NE(level.message.find("是不是“国家级”"), std::string::npos) << level.message;
  const Diagnostic date = find("2024-13");
  EXPECT_EQ(date.line, 3);  // row 3, though the file line is 4
  EXPECT_NE(date.message.find("第 5 列（E 列“日期”）"), std::string::npos);
  const Diagnostic caption = find("缺少图片说明");
  EXPECT_EQ(caption.line, 3);
  EXPECT_NE(caption.message.find("H 列"), std::string::npos);
  const Diagnostic title = find("缺少必填的成果名称");
  EXPECT_EQ(title.line, 4);
  EXPECT_NE(title.message.find("A 列“标题”"), std::string::npos);
}

TEST_F(AchievementLoaderTest, AMissingRequiredColumnIsReportedOnce) {
  const auto items = load("a.csv", "标题,级别\n甲,国家级\n乙,省级\n");
  EXPECT_TRUE(items.empty());
  EXPECT_EQ(found_.error_count(), 2);  // 单位 and 类别
  EXPECT_EQ(find("缺少“单位”列").line, 1);
}

TEST_F(AchievementLoaderTest, UnknownHeaderIsAWarningNamingTheColumn) {
  const auto items = load("a.csv", "标题,单位,类别,备注\n甲,护理学院,荣誉称号,随便写\n");
  EXPECT_EQ(items.size(), 1u);
  const Diagnostic d = find("不认识这个表头");
  EXPECT_EQ(d.severity, Severity::warning);
  EXPECT_NE(d.message.find("第 4 列（D 列“备注”）"), std::string::npos);
}

TEST_F(AchievementLoaderTest, UnlistedDepartmentIsAWarningWithSuggestion) {
  const auto items = load("a.csv", "标题,单位,类别\n甲,护理学员,荣誉称号\n");
  EXPECT_EQ(items.size(), 1u);
  const Diagnostic d = find("不在 site.json 的 departments 名单中");
  EXPECT_EQ(d.severity, Severity::warning);
  EXPECT_NE(d.message.find("是不是“护理学院”"), std::string::npos);
}

TEST_F(AchievementLoaderTest, ReadsJsonObjectsAndArrays) {
  testing::write_text(site_.path() / "content/achievements/one.json", R"({
  "id": "national-gold",
  "title": "全国职业院校技能大赛一等奖",
  "department": "汽车工程学院",
  "category": "技能竞赛获奖",
  "level": "国家级",
  "date": "2024-06",
  "people": ["学生甲", "学生乙"],
  "summary": "简介。",
  "images": [ { "src": "images/ach/a.jpg", "caption": "颁奖现场" } ],
  "link": "https://www.example.org/news/1"
})");
  const auto items = load("many.json", R"([
  { "title": "甲", "department": "护理学院", "category": "荣誉称号" },
  { "title": "乙", "department": "护理学院", "category": "荣誉称号", "level": "市级" }
])");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(found_.items.empty());
  EXPECT_EQ(items[0].title, "甲");  // files in name order: many.json, one.json
  EXPECT_EQ(items[1].level, "市级");
  EXPECT_EQ(items[1].line, 3);
  EXPECT_EQ(items[2].id, "national-gold");
  EXPECT_EQ(items[2].link, "https://www.example.org/news/1");
  ASSERT_EQ(items[2].gallery.size(), 1u);
  EXPECT_EQ(items[2].gallery[0].caption, "颁奖现场");
}

TEST_F(AchievementLoaderTest, JsonProblemsNameTheLine) {
  load("a.json", R"({
  "title": "甲",
  "department": "护理学院",
  "level": "省部级",
  "images": [ { "src": "images/ach/a.jpg" } ],
  "colour": "red"
})");
  EXPECT_EQ(find("缺少必填项 \"category\"").line, 1);
  EXPECT_EQ(find("省部级").line, 4);
  EXPECT_EQ(find("缺少图片说明").line, 5);
  EXPECT_EQ(find("colour").severity, Severity::warning);
}

TEST_F(AchievementLoaderTest, DerivedIdsAreStable) {
  const std::string row = "技能大赛一等奖,汽车工程学院,技能竞赛获奖,国家级,2024-06,,,,\n";
  const std::string other = "另一项,护理学院,荣誉称号,校级,2023-12,,,,\n";
  const auto first = load("a.csv", kHeader + row + other);
  // The same record in another file, at another row, with other spacing and other optional cells.
  std::filesystem::remove(site_.path() / "content/achievements/a.csv");
  const auto second = load("b.csv", kHeader + other + "技能大赛一等奖 ,汽车工程学院,技能竞赛获奖,省级,2024-06,甲,简介,,\n");
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(first[0].id, second[1].id);
  EXPECT_EQ(first[1].id, second[0].id);
  EXPECT_NE(first[0].id, first[1].id);
  EXPECT_EQ(first[0].id, derived_achievement_id("汽车工程学院", "技能大赛一等奖", "2024-06"));
  EXPECT_TRUE(derived_achievement_id("汽车工程学院", "技能大赛一等奖", "2024-06").rfind("2024-06-", 0) == 0);
  EXPECT_NE(derived_achievement_id("汽车工程学院", "技能大赛一等奖", "2024-07"),
            derived_achievement_id("汽车工程学院", "技能大赛一等奖", "2024-06"));
}

TEST_F(AchievementLoaderTest, ExcelFilesAreNamedAsUnread) {
  testing::write_text(site_.path() / "content/achievements/成果.xlsx", "PK");
  load("a.csv", kHeader);
  EXPECT_EQ(find("另存为").severity, Severity::warning);
}

}  // namespace
}  // namespace zhuanlan
