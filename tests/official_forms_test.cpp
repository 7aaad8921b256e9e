// End-to-end: `zhuanlan report` writes the official forms exactly as the
// notices print them (tests/data/official-forms.json), filled from a site
// with known figures; the contact data stays out of the public site.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "test_support.h"
#include "write/build_site.h"
#include "write/report.h"
#include "xlsx_reader.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

nlohmann::json fixture() {
  std::ifstream in(testing::source_dir() / "tests/data/official-forms.json");
  EXPECT_TRUE(in);
  return nlohmann::json::parse(in);
}

const nlohmann::json& form(const nlohmann::json& forms, const std::string& id) {
  for (const auto& f : forms.at("forms")) {
    if (f.at("id") == id) return f;
  }
  throw std::out_of_range(id);
}

std::string column_text(const nlohmann::json& column) {
  return column.is_string() ? column.get<std::string>() : column.at("text").get<std::string>();
}

std::string column_group(const nlohmann::json& column) { return column.is_string() ? "" : column.value("group", ""); }

// The contact data of the site below; none of it may be published.
const char* const kPrivate[] = {"甲负责人", "139-0000-0101", "乙负责人", "139-0000-0202", "汽车工程学院实训科科长",
                                "丙联系人", "139-0000-0909"};

class OfficialForms : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json(R"(
  "departments": ["汽车工程学院", "教务处", "校团委"], "students_total": 1000,
  "report": { "contact": "丙联系人", "position": "宣传部干事", "mobile": "139-0000-0909", "qq": "10000",
              "unit": "测试职业技术学院宣传部", "students_participating": 321,
              "plan": "活动周工作计划的正文。", "featured": "特色活动简介的正文。" })"));
    testing::write_text(site_.path() / "content/activities/week.json", R"([
  { "id": "contest", "title": "新能源汽车维修技能竞赛", "start": "2025-05-13T09:00", "end": "2025-05-13T17:00",
    "location": "汽车实训中心", "lead": "汽车工程学院", "partners": ["教务处"], "form": "线下", "open_to_public": true,
    "participants": "汽车专业学生、合作企业技师", "note": "需提前预约",
    "contact": { "name": "甲负责人", "mobile": "139-0000-0101", "position": "汽车工程学院实训科科长" },
    "stats": { "teachers": 12, "students": 240, "schoolchildren": 60, "parents": 20, "community": "桂香社区",
               "community_people": 15, "visitors": 300, "enterprises": 3, "enterprise_people": 15,
               "hands_on_projects": 2, "labs_opened": 4, "talks": 1, "skill_shows": 2, "service_people": 80,
               "materials": 500 } },
  { "id": "open-day", "title": "校园开放日", "start": "2025-05-13T14:00", "end": "2025-05-13T16:00",
    "lead": "汽车工程学院", "form": "线下", "open_to_public": true, "audience": "周边中学学生",
    "stats": { "teachers": 8, "students": 40, "schoolchildren": 0, "parents": 10, "visitors": 0 } },
  { "id": "forum", "title": "职教发展研讨会", "start": "2025-05-12T09:00", "lead": "教务处", "form": "线上",
    "contact": { "name": "乙负责人", "mobile": "139-0000-0202", "position": "教务处副处长" },
    "stats": { "teachers": 50 } },
  { "id": "volunteer", "title": "志愿服务进社区", "start": "2025-05-16", "end": "2025-05-17", "lead": "校团委" }
])");
    testing::write_text(site_.path() / "content/media.json", R"([
  { "outlet": "某日报", "level": "省级及以上", "type": "传统媒体", "date": "2025-05-13", "title": "报道一" },
  { "outlet": "某新闻网", "level": "市级", "date": "2025-05-13", "title": "报道二", "count": 4 },
  { "outlet": "某公众号", "level": "县级", "type": "微信微博", "date": "2025-05-16", "title": "报道三", "count": 7 }
])");
    testing::write_text(site_.path() / "content/news/contest.md",
                        "---\ntitle: 竞赛举行\ndate: 2025-05-13 18:00\ndepartment: 汽车工程学院\nactivity: contest\n---\n正文。\n");
  }

  fs::path report() {
    BuildOptions options;
    options.site_dir = site_.path();
    const ReportResult result = write_report(options, out_.path() / "report");
    for (const auto& d : result.diagnostics.items) {
      EXPECT_NE(d.severity, Severity::error) << format_diagnostic(d);
    }
    EXPECT_TRUE(result.ok);
    return out_.path() / "report";
  }

  testing::TempDir site_, out_;
};

// Where each form is, and the row its header starts on (0-based).
struct FormFile {
  std::string id, file;
};
const std::vector<FormFile> kFiles = {{"info-collection-province", "01-信息采集表.xlsx"},
                                      {"stats-province", "02-情况统计表.xlsx"},
                                      {"info-collection-school", "03-信息采集表（各项活动）.xlsx"},
                                      {"stats-department", "04-情况统计表（各部门）/汽车工程学院.xlsx"},
                                      {"stats-department", "04-情况统计表（各部门）/教务处.xlsx"},
                                      {"stats-department", "04-情况统计表（各部门）/校团委.xlsx"},
                                      {"arrangement", "05-活动安排表.xlsx"},
                                      {"daily-summary", "06-开展情况汇总表.xlsx"}};

int header_row(const nlohmann::json& spec) { return spec.contains("header_lines") ? 2 : 1; }

TEST_F(OfficialForms, EveryFormHasTheNoticesTitleHeaderLinesAndHeaderCellsInOrder) {
  const fs::path out = report();
  const auto forms = fixture();
  for (const auto& [id, file] : kFiles) {
    SCOPED_TRACE(file);
    const auto& spec = form(forms, id);
    const testing::XlsxSheet sheet = testing::read_xlsx(out / file);
    std::string title = spec.at("title");
    title.replace(title.find("{year}"), 6, "2025");
    EXPECT_EQ(sheet.text("A1"), title);
    const int columns = static_cast<int>(spec.at("columns").size());
    EXPECT_TRUE(sheet.merged.count("A1:" + testing::cell_ref(0, columns - 1)));
    // The header lines share the row under the title, left to right.
    std::vector<std::string> lines;
    for (int c = 0; c < columns; ++c) {
      if (!sheet.text(testing::cell_ref(1, c)).empty()) lines.push_back(sheet.text(testing::cell_ref(1, c)));
    }
    const auto expected_lines = spec.value("header_lines", nlohmann::json::array());
    if (!expected_lines.empty()) {
      ASSERT_EQ(lines.size(), expected_lines.size());
      for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string label = expected_lines[i].at("text");
        EXPECT_EQ(lines[i].rfind(label, 0), 0u) << lines[i] << " should start with " << label;
        EXPECT_GT(lines[i].size(), label.size()) << label << " is not filled in";
      }
    }
    const int top = header_row(spec);
    bool groups = false;
    for (int c = 0; c < columns; ++c) {
      const auto& column = spec.at("columns")[c];
      const std::string group = column_group(column);
      if (group.empty()) {
        EXPECT_EQ(sheet.text(testing::cell_ref(top, c)), column_text(column)) << c;
        continue;
      }
      groups = true;
      EXPECT_EQ(sheet.text(testing::cell_ref(top + 1, c)), column_text(column)) << c;
      if (c == 0 || column_group(spec.at("columns")[c - 1]) != group) {
        EXPECT_EQ(sheet.text(testing::cell_ref(top, c)), group);
        int end = c;
        while (end + 1 < columns && column_group(spec.at("columns")[end + 1]) == group) ++end;
        EXPECT_TRUE(sheet.merged.count(testing::cell_ref(top, c) + ":" + testing::cell_ref(top, end))) << group;
      }
    }
    if (groups) {  // the other columns span both header rows
      EXPECT_TRUE(sheet.merged.count(testing::cell_ref(top, 0) + ":" + testing::cell_ref(top + 1, 0)));
    }
    // Headers are bold; the page is A4 landscape; no cell speaks of files or fields.
    EXPECT_TRUE(sheet.bold_styles.count(sheet.cells.at(testing::cell_ref(top, 0)).style));
    EXPECT_EQ(sheet.orientation, "landscape");
    EXPECT_EQ(sheet.paper, 9);
    for (const auto& [ref, cell] : sheet.cells) {
      for (const char* word : {".json", "content/", "stats", "未报送", "zhuanlan"}) {
        EXPECT_EQ(cell.text.find(word), std::string::npos) << ref << ": " << cell.text;
      }
    }
    if (spec.contains("note")) {
      bool found = false;
      for (const auto& [ref, cell] : sheet.cells) found = found || cell.text == spec.at("note");
      EXPECT_TRUE(found) << "填表说明";
    }
  }
  // The rows below the 信息采集表 and their texts.
  const testing::XlsxSheet info = testing::read_xlsx(out / "01-信息采集表.xlsx");
  const auto& below = form(forms, "info-collection-province").at("rows_below");
  EXPECT_EQ(info.text("A5"), below[0].at("label"));
  EXPECT_EQ(info.text("B5"), "活动周工作计划的正文。");
  EXPECT_TRUE(info.merged.count("B5:F5"));
  EXPECT_EQ(info.text("A6"), below[1].at("label"));
  EXPECT_EQ(info.text("A2"), "填报单位（盖章）：测试职业技术学院宣传部");
  EXPECT_EQ(info.text("A4"), "测试职业技术学院");
  EXPECT_EQ(info.text("F4"), "https://www.example.edu.cn/zjz2025/");
}

TEST_F(OfficialForms, CsvFilesHaveTheSameHeaderCells) {
  const fs::path out = report();
  const auto forms = fixture();
  const std::string csv = testing::read_text(out / "06-开展情况汇总表.csv");
  std::string header;
  for (const auto& column : form(forms, "daily-summary").at("columns")) {
    header += (header.empty() ? "" : ",") + column_text(column);
  }
  EXPECT_NE(csv.find("\r\n" + header + "\r\n"), std::string::npos) << csv;
  const std::string stats = testing::read_text(out / "02-情况统计表.csv");
  EXPECT_NE(stats.find(",活动周媒体报道数,,\r\n,,,,,,,,省级及以上媒体报道数,市（州）级媒体报道数,县（区）级媒体报道数\r\n"),
            std::string::npos)
      << stats;
}

// The numbers of one row, by column letter index; "" for a blank cell.
std::vector<std::string> row_texts(const testing::XlsxSheet& sheet, int row, int columns) {
  std::vector<std::string> texts;
  for (int c = 0; c < columns; ++c) texts.push_back(sheet.text(testing::cell_ref(row, c)));
  return texts;
}

TEST_F(OfficialForms, DailySummaryTotalsEveryNumericColumnAndLeavesUnenteredFiguresBlank) {
  const testing::XlsxSheet sheet = testing::read_xlsx(report() / "06-开展情况汇总表.xlsx");
  const int columns = 17, first = 3, total = first + 7;
  EXPECT_EQ(sheet.text(testing::cell_ref(first, 0)), "5月11日");
  EXPECT_EQ(sheet.text(testing::cell_ref(total, 0)), "合计");
  EXPECT_EQ(row_texts(sheet, first + 2, columns),  // 5月13日: the contest and the open day
            (std::vector<std::string>{"5月13日", "1", "280", "20", "60", "45", "3", "1", "4", "2", "1", "2", "80", "500",
                                      "1", "4", "0"}));
  EXPECT_EQ(row_texts(sheet, first + 1, columns),  // 5月12日: an online forum with teachers only
            (std::vector<std::string>{"5月12日", "1", "", "50", "", "", "", "0", "", "", "", "", "", "", "0", "0", "0"}));
  // The volunteers' two days count as two 所次 without figures; the 16th has the WeChat reposts.
  EXPECT_EQ(sheet.text(testing::cell_ref(first + 5, 1)), "1");
  EXPECT_EQ(sheet.text(testing::cell_ref(first + 6, 1)), "1");
  EXPECT_EQ(sheet.text(testing::cell_ref(first + 5, 16)), "7");
  EXPECT_EQ(row_texts(sheet, total, columns),
            (std::vector<std::string>{"合计", "4", "280", "70", "60", "45", "3", "1", "4", "2", "1", "2", "80", "500",
                                      "1", "4", "7"}));
  for (int c = 1; c < columns; ++c) {
    long long sum = 0;
    for (int r = first; r < total; ++r) {
      const std::string text = sheet.text(testing::cell_ref(r, c));
      if (!text.empty()) sum += std::stoll(text);
    }
    EXPECT_EQ(sheet.text(testing::cell_ref(total, c)), std::to_string(sum)) << "column " << c;
    EXPECT_TRUE(sheet.cells.at(testing::cell_ref(total, c)).number) << c;
  }
  // A blank is a bordered empty cell, not a 0 and not a word.
  ASSERT_TRUE(sheet.cells.count(testing::cell_ref(first + 1, 2)));
  EXPECT_FALSE(sheet.cells.at(testing::cell_ref(first + 1, 2)).number);
}

TEST_F(OfficialForms, ProvinceStatisticsComeFromTheFiguresTheCoverageAndTheMedia) {
  const testing::XlsxSheet sheet = testing::read_xlsx(report() / "02-情况统计表.xlsx");
  // Title, header lines, two header rows: the school's row is the fifth.
  EXPECT_EQ(row_texts(sheet, 4, 11), (std::vector<std::string>{"测试职业技术学院", "1", "70", "280", "0.321", "3", "690",
                                                                "2", "1", "4", "7"}));
  EXPECT_EQ(sheet.number_formats.at(sheet.cells.at("E5").style), "0.0%");
  EXPECT_EQ(sheet.text("A2"), "填报单位（盖章）：测试职业技术学院宣传部");
  EXPECT_EQ(sheet.text("E2"), "填报人：丙联系人");
  EXPECT_EQ(sheet.text("I2"), "联系电话：139-0000-0909");
}

TEST_F(OfficialForms, OneStatisticsTablePerLeadDepartment) {
  const fs::path out = report();
  const testing::XlsxSheet car = testing::read_xlsx(out / "04-情况统计表（各部门）/汽车工程学院.xlsx");
  EXPECT_EQ(car.text("A2"), "填报单位（部门）：汽车工程学院");
  EXPECT_EQ(row_texts(car, 3, 7), (std::vector<std::string>{"1", "新能源汽车维修技能竞赛", "12", "240", "桂香社区 15人",
                                                            "300", "3家 15人"}));
  EXPECT_EQ(row_texts(car, 4, 7), (std::vector<std::string>{"2", "校园开放日", "8", "40", "", "0", ""}));
  EXPECT_TRUE(car.cells.at("F5").number);  // entered as 0: a 0
  EXPECT_EQ(row_texts(car, 5, 7), (std::vector<std::string>{"合计", "2 项活动", "20", "280", "15人", "300", "3家 15人"}));
  const testing::XlsxSheet office = testing::read_xlsx(out / "04-情况统计表（各部门）/教务处.xlsx");
  EXPECT_EQ(row_texts(office, 3, 4), (std::vector<std::string>{"1", "职教发展研讨会", "50", ""}));
  EXPECT_EQ(office.text("A5"), "合计");
  const testing::XlsxSheet league = testing::read_xlsx(out / "04-情况统计表（各部门）/校团委.xlsx");
  EXPECT_EQ(row_texts(league, 3, 7), (std::vector<std::string>{"1", "志愿服务进社区", "", "", "", "", ""}));
  // The partner department leads nothing: no table of its own.
  EXPECT_EQ(std::distance(fs::directory_iterator(out / "04-情况统计表（各部门）"), fs::directory_iterator()), 6);
}

TEST_F(OfficialForms, ArrangementCarriesTheContactsOnlyTheReportHasThem) {
  const fs::path out = report();
  const testing::XlsxSheet sheet = testing::read_xlsx(out / "05-活动安排表.xlsx");
  // Activities in time order: the forum (12th), the contest and the open day (13th), the volunteers.
  EXPECT_EQ(row_texts(sheet, 3, 12),
            (std::vector<std::string>{"1", "测试职业技术学院", "职教发展研讨会", "线上", "", "50", "乙负责人",
                                      "139-0000-0202", "教务处副处长", "", "2025年5月12日 星期一 09:00", ""}));
  EXPECT_EQ(row_texts(sheet, 4, 12),
            (std::vector<std::string>{"2", "测试职业技术学院", "新能源汽车维修技能竞赛", "线下", "汽车专业学生、合作企业技师",
                                      "582", "甲负责人", "139-0000-0101", "汽车工程学院实训科科长", "汽车实训中心",
                                      "2025年5月13日 星期二 09:00—17:00", "需提前预约"}));
  EXPECT_EQ(sheet.text("E6"), "周边中学学生");  // participants fall back to the audience

  // The public site: pages, feed, sitemap and the statistics files (unzipped).
  BuildOptions options;
  options.site_dir = site_.path();
  options.out_dir = out_.path() / "public";
  const BuildResult built = build_site(options);
  ASSERT_TRUE(built.ok);
  std::size_t files = 0;
  for (const auto& [path, bytes] : testing::read_tree(options.out_dir)) {
    std::string text = bytes;
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".xlsx") == 0) {
      text = testing::run_command("unzip -p '" + (options.out_dir / path).string() + "'").output;
      EXPECT_NE(text.find("<worksheet"), std::string::npos) << path;
    }
    ++files;
    for (const char* secret : kPrivate) EXPECT_EQ(text.find(secret), std::string::npos) << path << " holds " << secret;
  }
  EXPECT_GT(files, 10u);
  EXPECT_TRUE(fs::exists(options.out_dir / "feed.xml") || fs::exists(options.out_dir / "atom.xml"));
  EXPECT_TRUE(fs::exists(options.out_dir / "sitemap.xml"));
}

}  // namespace
}  // namespace zhuanlan
