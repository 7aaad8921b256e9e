#include "load/activity_loader.h"
#include "load/image_refs.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "load/site_config.h"
#include "model/site_model.h"
#include "test_support.h"

namespace zhuanlan {
namespace {

class ActivityLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    Diagnostics ignored;
    config_ = *load_site_config(site_.path(), "", ignored);
  }
  std::vector<Activity> load(const std::string& name, const std::string& json) {
    testing::write_text(site_.path() / "content/activities" / name, json);
    ImageHeaders headers;
    return load_activities({site_.path(), config_, headers}, found_);
  }
  const Diagnostic* find(const std::string& needle) {
    for (const auto& d : found_.items) {
      if (d.message.find(needle) != std::string::npos) return &d;
    }
    ADD_FAILURE() << "no diagnostic mentions " << needle;
    for (const auto& d : found_.items) ADD_FAILURE() << format_diagnostic(d);
    return nullptr;
  }

  testing::TempDir site_;
  SiteConfig config_;
  Diagnostics found_;
};

TEST_F(ActivityLoaderTest, ReadsAnObjectOrAnArray) {
  load("one.json", R"({ "id": "opening", "title": "开幕式", "start": "2025-05-11T09:00", "end": "2025-05-11T10:30",
    "lead": "党政办公室", "partners": ["学生处"], "form": "线下", "open_to_public": true,
    "stats": { "teachers": 10, "students": 200 } })");
  const auto all = load("many.json", R"([
    { "id": "a", "title": "甲", "start": "2025-05-12", "lead": "教务处" },
    { "id": "b", "title": "乙", "start": "2025-05-13T14:00", "lead": "学生处" }
  ])");
  EXPECT_FALSE(found_.has_errors());
  ASSERT_EQ(all.size(), 3u);
  const Activity& opening = all[2];
  EXPECT_EQ(opening.id, "opening");
  EXPECT_EQ(opening.url, "schedule/opening.html");
  EXPECT_EQ(opening.partners, std::vector<std::string>{"学生处"});
  EXPECT_EQ(*opening.stats.students, 200);
  EXPECT_FALSE(opening.stats.visitors.has_value());  // not reported, not 0
  EXPECT_TRUE(opening.stats.reported());
  EXPECT_FALSE(all[0].stats.reported());
}

TEST_F(ActivityLoaderTest, ReportsEveryProblemWithItsLine) {
  load("bad.json", "[\n"
                   "  { \"id\": \"Bad Id\", \"title\": \"甲\", \"start\": \"2025-05-12\", \"lead\": \"教务处\" },\n"
                   "  { \"id\": \"b\", \"start\": \"2025-05-12\", \"lead\": \"教务处\" },\n"
                   "  { \"id\": \"c\", \"title\": \"丙\", \"start\": \"2025-05-12\",\n"
                   "    \"lead\": \"教务处\", \"form\": \"线上线\",\n"
                   "    \"end\": \"2025-05-11\",\n"
                   "    \"stats\": { \"students\": -5, \"studnets\": 3 } }\n"
                   "]\n");
  EXPECT_EQ(find("小写英文字母")->line, 2);
  EXPECT_EQ(find("缺少必填项 \"title\"")->line, 3);
  const Diagnostic* form = find("\"form\" 只能是");
  EXPECT_EQ(form->line, 5);
  EXPECT_NE(form->message.find("是不是“线上线下”"), std::string::npos);
  EXPECT_EQ(find("结束时间早于开始时间")->line, 6);
  EXPECT_EQ(find("不能是负数")->line, 7);
  EXPECT_EQ(find("不认识的项 \"studnets\"")->severity, Severity::warning);
}

TEST_F(ActivityLoaderTest, ReadsGuestsAndTheAgendaInOrder) {
  const auto all = load("ceremony.json", R"({ "id": "opening", "title": "开幕式", "start": "2025-05-11T09:00",
    "lead": "党政办公室", "guests": ["韦光霁", " 宋怀瑾 "],
    "agenda": [ { "time": "9:00", "item": "奏唱国歌" }, { "time": "09:10", "item": "领导致辞" },
                { "item": "合影留念" }, { "time": "10：30", "item": "参观成果展" } ] })");
  EXPECT_FALSE(found_.has_errors());
  EXPECT_TRUE(found_.items.empty());
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].guests, (std::vector<std::string>{"韦光霁", "宋怀瑾"}));
  ASSERT_EQ(all[0].agenda.size(), 4u);
  EXPECT_EQ(all[0].agenda[0].item, "奏唱国歌");
  EXPECT_EQ(all[0].agenda[0].minutes, 9 * 60);
  EXPECT_EQ(all[0].agenda[1].minutes, 9 * 60 + 10);
  EXPECT_FALSE(all[0].agenda[2].minutes.has_value());
  EXPECT_EQ(all[0].agenda[2].item, "合影留念");
  EXPECT_EQ(all[0].agenda[3].minutes, 10 * 60 + 30);
}

TEST_F(ActivityLoaderTest, ReportsBadGuestsAndAgendaWithTheirLines) {
  const auto all = load("bad-ceremony.json", "[\n"
                   "  { \"id\": \"a\", \"title\": \"甲\", \"start\": \"2025-05-12\", \"lead\": \"教务处\",\n"
                   "    \"guests\": \"韦光霁\" },\n"
                   "  { \"id\": \"b\", \"title\": \"乙\", \"start\": \"2025-05-12\", \"lead\": \"教务处\",\n"
                   "    \"guests\": [\"韦光霁\",\n"
                   "      3,\n"
                   "      \"  \",\n"
                   "      \"韦光霁\"],\n"
                   "    \"agenda\": [\n"
                   "      { \"time\": \"25:00\", \"item\": \"致辞\" },\n"
                   "      { \"time\": \"下午三点\", \"item\": \"颁奖\" },\n"
                   "      { \"time\": \"15:00\", \"item\": \" \" },\n"
                   "      { \"time\": \"15:00\" },\n"
                   "      \"合影\",\n"
                   "      { \"time\": \"15:00\", \"item\": \"签约\", \"who\": \"甲\" },\n"
                   "      { \"time\": \"14:00\", \"item\": \"参观\" } ] },\n"
                   "  { \"id\": \"c\", \"title\": \"丙\", \"start\": \"2025-05-12\", \"lead\": \"教务处\",\n"
                   "    \"agenda\": { \"item\": \"致辞\" } }\n"
                   "]\n");
  EXPECT_TRUE(all.empty());
  EXPECT_EQ(find("\"guests\"（参加领导")->line, 3);  // not a list
  EXPECT_EQ(find("\"guests\" 的第 2 项应当是加引号的文字")->line, 6);
  EXPECT_EQ(find("第 3 项是空的")->line, 7);
  const Diagnostic* twice = find("写了两次");
  EXPECT_EQ(twice->line, 8);
  EXPECT_EQ(twice->severity, Severity::warning);
  const Diagnostic* hour = find("“25:00”不存在");
  EXPECT_EQ(hour->line, 10);
  EXPECT_NE(hour->message.find("活动流程的第 1 项"), std::string::npos);
  const Diagnostic* words = find("“下午三点”应当写成 时:分");
  EXPECT_EQ(words->line, 11);
  EXPECT_NE(words->message.find("活动流程的第 2 项"), std::string::npos);
  EXPECT_EQ(find("第 3 项的 \"item\" 是空的")->line, 12);
  EXPECT_EQ(find("缺少必填项 \"item\"")->line, 13);
  EXPECT_EQ(find("活动流程的第 5 项应当写成 {")->line, 14);
  EXPECT_EQ(find("不认识的项 \"who\"")->line, 15);
  const Diagnostic* order = find("14:00 早于前面一项的 15:00");
  EXPECT_EQ(order->line, 16);
  EXPECT_EQ(order->severity, Severity::warning);
  EXPECT_EQ(find("\"agenda\"（活动流程）应当是 [ ] 括起来的列表")->line, 18);
}

TEST_F(ActivityLoaderTest, JsonSyntaxErrorsNameTheLine) {
  load("broken.json", "[\n  { \"id\": \"a\",\n    \"title\": \"甲\"\n    \"lead\": \"x\" }\n]\n");
  EXPECT_EQ(find("JSON 格式错误")->line, 4);
}

TEST_F(ActivityLoaderTest, MultiDayActivitiesSpanEveryDay) {
  const auto all = load("span.json", R"([
    { "id": "expo", "title": "成果展", "start": "2025-05-15T16:30", "end": "2025-05-17T17:00", "lead": "教务处" },
    { "id": "video", "title": "短视频", "start": "2025-05-15", "end": "2025-05-19", "lead": "教务处" },
    { "id": "night", "title": "晚会", "start": "2025-05-13T19:00", "end": "2025-05-14T00:00", "lead": "教务处" }
  ])");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(format_day_iso(all[0].first_day), "2025-05-15");
  EXPECT_EQ(format_day_iso(all[0].last_day), "2025-05-17");
  EXPECT_EQ(format_day_iso(all[1].last_day), "2025-05-19");  // a date-only end includes that day
  EXPECT_EQ(format_day_iso(all[2].last_day), "2025-05-13");  // ending at midnight does not spill over

  Content content;
  content.site = config_;
  content.activities = all;
  const SiteModel model = build_site_model(content);
  std::map<std::string, std::vector<std::string>> ids_by_day;
  for (const auto& day : model.schedule) {
    for (const std::size_t i : day.activities) ids_by_day[format_day_iso(day.day)].push_back(model.activities[i].id);
  }
  EXPECT_EQ(ids_by_day["2025-05-15"], (std::vector<std::string>{"video", "expo"}));
  EXPECT_EQ(ids_by_day["2025-05-16"], (std::vector<std::string>{"video", "expo"}));
  EXPECT_EQ(ids_by_day["2025-05-17"], (std::vector<std::string>{"video", "expo"}));
  EXPECT_EQ(ids_by_day["2025-05-18"], (std::vector<std::string>{"video"}));
  EXPECT_EQ(ids_by_day["2025-05-14"], std::vector<std::string>{});  // shown, as a day of the week, but empty
}

TEST_F(ActivityLoaderTest, DaysListActivitiesInTimeOrderWithOngoingOnesFirst) {
  const auto all = load("day.json", R"([
    { "id": "late", "title": "晚", "start": "2025-05-13T19:00", "lead": "教务处" },
    { "id": "early", "title": "早", "start": "2025-05-13T08:00", "lead": "教务处" },
    { "id": "allday", "title": "全天", "start": "2025-05-13", "lead": "教务处" },
    { "id": "ongoing", "title": "展览", "start": "2025-05-12T15:00", "end": "2025-05-14T12:00", "lead": "教务处" }
  ])");
  Content content;
  content.site = config_;
  content.activities = all;
  const SiteModel model = build_site_model(content);
  const auto day = std::find_if(model.schedule.begin(), model.schedule.end(),
                                [](const auto& d) { return format_day_iso(d.day) == "2025-05-13"; });
  ASSERT_NE(day, model.schedule.end()) << "no schedule day 2025-05-13";
  std::vector<std::string> ids;
  for (const std::size_t i : day->activities) ids.push_back(model.activities[i].id);
  EXPECT_EQ(ids, (std::vector<std::string>{"ongoing", "allday", "early", "late"}));
}

TEST_F(ActivityLoaderTest, MediaLevelsAreChecked) {
  testing::write_text(site_.path() / "content/media.json",
                      "[\n  { \"outlet\": \"某报\", \"level\": \"省级\", \"date\": \"2025-05-14\", \"title\": \"标题\" },\n"
                      "  { \"outlet\": \"某台\", \"level\": \"县级\", \"date\": \"2025-05-15\", \"title\": \"标题\", \"url\": \"ftp://x\" }\n]\n");
  const auto media = load_media(site_.path(), found_);
  EXPECT_TRUE(media.empty());
  const Diagnostic* level = find("\"level\" 只能是");
  EXPECT_EQ(level->line, 2);
  EXPECT_NE(level->message.find("省级及以上"), std::string::npos);
  EXPECT_EQ(find("https://")->line, 3);
}

}  // namespace
}  // namespace zhuanlan

namespace zhuanlan {
namespace {

TEST_F(ActivityLoaderTest, CountsBeyondTheLimitAreRefusedWithTheirLine) {
  const auto all = load("huge.json", "{ \"id\": \"a\", \"title\": \"甲\", \"start\": \"2025-05-12\", \"lead\": \"教务处\",\n"
                                     "  \"stats\": { \"teachers\": 10,\n"
                                     "    \"students\": 9223372036854775807,\n"
                                     "    \"visitors\": 100000001 } }");
  ASSERT_EQ(found_.error_count(), 2);
  const Diagnostic* students = find("\"students\"");
  ASSERT_TRUE(students);
  EXPECT_EQ(students->line, 3);
  EXPECT_NE(students->message.find("上限"), std::string::npos);
  const Diagnostic* visitors = find("\"visitors\"");
  ASSERT_TRUE(visitors);
  EXPECT_EQ(visitors->line, 4);
}

}  // namespace
}  // namespace zhuanlan

namespace zhuanlan {
namespace {

TEST_F(ActivityLoaderTest, ReadsTheReportFieldsAndEveryFigureOfTheForms) {
  const auto all = load("forms.json", R"({ "id": "a", "title": "甲", "start": "2025-05-12", "lead": "教务处",
  "participants": "中学生及家长", "note": "雨天改在体育馆",
  "contact": { "name": "某老师", "mobile": "139-0000-0001", "position": "教务处副处长" },
  "stats": { "schoolchildren": 60, "parents": 0, "labs_opened": 4, "talks": 1, "skill_shows": 2,
             "service_people": 80, "materials": 500, "community": "桂香社区", "community_people": 12 } })");
  EXPECT_TRUE(found_.items.empty()) << (found_.items.empty() ? "" : format_diagnostic(found_.items.front()));
  ASSERT_EQ(all.size(), 1u);
  const Activity& a = all[0];
  EXPECT_EQ(a.participants, "中学生及家长");
  EXPECT_EQ(a.note, "雨天改在体育馆");
  EXPECT_EQ(a.contact.name, "某老师");
  EXPECT_EQ(a.contact.mobile, "139-0000-0001");
  EXPECT_EQ(a.contact.position, "教务处副处长");
  EXPECT_EQ(*a.stats.schoolchildren, 60);
  EXPECT_EQ(*a.stats.parents, 0);  // entered as 0
  EXPECT_EQ(*a.stats.labs_opened, 4);
  EXPECT_EQ(*a.stats.talks, 1);
  EXPECT_EQ(*a.stats.skill_shows, 2);
  EXPECT_EQ(*a.stats.service_people, 80);
  EXPECT_EQ(*a.stats.materials, 500);
  EXPECT_EQ(a.stats.community, "桂香社区");
  EXPECT_FALSE(a.stats.teachers.has_value());
}

TEST_F(ActivityLoaderTest, BadReportFieldsAreReportedAtTheirLines) {
  load("bad.json", "{ \"id\": \"a\", \"title\": \"甲\", \"start\": \"2025-05-12\", \"lead\": \"教务处\",\n"
                   "  \"contact\": { \"name\": \"某老师\",\n"
                   "    \"mobile\": \"请问办公室\", \"phone\": \"1\" },\n"
                   "  \"stats\": { \"talks\": -1,\n"
                   "    \"materials\": \"很多\" } }");
  EXPECT_EQ(find("看起来不是电话号码")->line, 3);
  EXPECT_EQ(find("\"phone\"")->line, 3);  // unknown key in contact
  EXPECT_EQ(find("不能是负数")->line, 4);
  EXPECT_EQ(find("\"materials\"")->line, 5);
}

TEST_F(ActivityLoaderTest, MediaTypeAndCountHaveDefaultsAndAreChecked) {
  testing::write_text(site_.path() / "content/media.json",
                      "[\n  { \"outlet\": \"某报\", \"level\": \"市级\", \"date\": \"2025-05-14\", \"title\": \"一\" },\n"
                      "  { \"outlet\": \"某号\", \"level\": \"县级\", \"date\": \"2025-05-14\", \"title\": \"二\", \"type\": \"微信微博\", \"count\": 6 },\n"
                      "  { \"outlet\": \"某台\", \"level\": \"县级\", \"date\": \"2025-05-14\", \"title\": \"三\", \"type\": \"电视\" },\n"
                      "  { \"outlet\": \"某台\", \"level\": \"县级\", \"date\": \"2025-05-14\", \"title\": \"四\", \"count\": 0 }\n]\n");
  const auto media = load_media(site_.path(), found_);
  ASSERT_EQ(media.size(), 2u);
  EXPECT_EQ(media[0].type, "网络新闻");
  EXPECT_EQ(media[0].count, 1);
  EXPECT_EQ(media[1].type, "微信微博");
  EXPECT_EQ(media[1].count, 6);
  EXPECT_EQ(find("\"type\" 只能是")->line, 4);
  EXPECT_EQ(find("\"count\"")->line, 5);
}

TEST_F(ActivityLoaderTest, SiteReportSettingsForTheFormsAreRead) {
  testing::write_text(site_.path() / "content/site.json",
                      testing::minimal_site_json("\"students_total\": 1000,\n  \"report\": { \"unit\": \"某学院宣传部\",\n"
                                                 "    \"students_participating\": 640 }"));
  Diagnostics found;
  const auto site = load_site_config(site_.path(), "", found);
  ASSERT_TRUE(site);
  EXPECT_EQ(site->report.unit, "某学院宣传部");
  EXPECT_EQ(*site->report.students_participating, 640);
  testing::write_text(site_.path() / "content/site.json",
                      testing::minimal_site_json("\"students_total\": 1000,\n  \"report\": { \"unit\": \"某学院宣传部\",\n"
                                                 "    \"students_participating\": 1640 }"));
  EXPECT_FALSE(load_site_config(site_.path(), "", found));
  ASSERT_EQ(found.error_count(), 1);
  EXPECT_EQ(found.items.back().line, 9);
  EXPECT_NE(found.items.back().message.find("超过了在校学生总数"), std::string::npos);
}

}  // namespace
}  // namespace zhuanlan
