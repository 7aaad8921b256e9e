// End-to-end: with review.stages set, `zhuanlan report` writes 审核记录.xlsx
// and .csv: one row per published news item in the order of publication,
// each stage's reviewer and date; nothing of the kind without stages.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"
#include "write/build_site.h"
#include "write/report.h"
#include "xlsx_reader.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

std::string news(const std::string& title, const std::string& date, const std::string& extra,
                 const std::string& reviews_day) {
  return "---\ntitle: \"" + title + "\"\ndate: " + date + "\ndepartment: 教务处\n" + extra +
         "reviews:\n"
         "  - {stage: 初审, by: 张初审, date: " + reviews_day + "}\n"
         "  - {stage: 复审, by: 李复审, date: " + reviews_day + "}\n"
         "  - {stage: 终审, by: 王终审, date: " + reviews_day + "}\n---\n正文。\n";
}

class ReviewLog : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json",
                        testing::minimal_site_json(R"("departments": ["教务处"],
  "review": { "stages": ["初审", "复审", "终审"] })"));
    // A title a spreadsheet would run as a formula, were it not neutralised.
    testing::write_text(site_.path() / "content/news/opening.md",
                        news("=1+1 开幕式", "2025-05-13 09:00", "author: 赵记者\n", "2025-05-12"));
    testing::write_text(site_.path() / "content/news/earlier.md", news("更早的新闻", "2025-05-12", "", "2025-05-11"));
    // Written first, published last: the record follows publication.
    testing::write_text(site_.path() / "content/news/timed.md",
                        news("定时的新闻", "2025-05-11", "author: 钱记者\npublish_at: 2025-05-14 08:00\n", "2025-05-13"));
    testing::write_text(site_.path() / "content/news/future.md",
                        news("还没到时间的新闻", "2025-05-16", "publish_at: 2025-05-16 08:00\n", "2025-05-13"));
    testing::write_text(site_.path() / "content/news/draft.md",
                        "---\ntitle: 草稿新闻\ndate: 2025-05-13\ndepartment: 教务处\ndraft: true\n---\n正文。\n");
  }

  ReportResult report() {
    BuildOptions options;
    options.site_dir = site_.path();
    options.now = std::chrono::sys_days{std::chrono::year{2025} / 5 / 15};
    ReportResult result = write_report(options, out_.path() / "report");
    for (const auto& d : result.diagnostics.items) EXPECT_NE(d.severity, Severity::error) << format_diagnostic(d);
    EXPECT_TRUE(result.ok);
    return result;
  }

  testing::TempDir site_, out_;
};

std::vector<std::string> row_texts(const testing::XlsxSheet& sheet, int row, int columns) {
  std::vector<std::string> texts;
  for (int c = 0; c < columns; ++c) texts.push_back(sheet.text(testing::cell_ref(row, c)));
  return texts;
}

TEST_F(ReviewLog, OneRowPerPublishedItemInTheOrderOfPublicationWithEveryStage) {
  const ReportResult result = report();
  EXPECT_NE(std::find(result.files.begin(), result.files.end(), "审核记录.xlsx"), result.files.end());
  EXPECT_NE(std::find(result.files.begin(), result.files.end(), "审核记录.csv"), result.files.end());
  const fs::path file = out_.path() / "report/审核记录.xlsx";
  const testing::XlsxSheet sheet = testing::read_xlsx(file);
  EXPECT_EQ(sheet.text("A1"), "2025年职业教育活动周专栏稿件审核记录");
  EXPECT_TRUE(sheet.merged.count("A1:J1"));
  EXPECT_EQ(sheet.text("A2"), "填报单位：测试职业技术学院");
  // Header: the item's columns span both rows; each stage heads its reviewer and date.
  EXPECT_EQ(row_texts(sheet, 2, 10), (std::vector<std::string>{"标题", "文件", "发布时间", "作者", "初审", "", "复审",
                                                                "", "终审", ""}));
  EXPECT_EQ(row_texts(sheet, 3, 10), (std::vector<std::string>{"", "", "", "", "审核人", "审核日期", "审核人", "审核日期",
                                                                "审核人", "审核日期"}));
  EXPECT_TRUE(sheet.merged.count("A3:A4"));
  EXPECT_TRUE(sheet.merged.count("E3:F3"));
  EXPECT_TRUE(sheet.merged.count("I3:J3"));
  EXPECT_TRUE(sheet.bold_styles.count(sheet.cells.at("E4").style));
  EXPECT_EQ(row_texts(sheet, 4, 10),
            (std::vector<std::string>{"更早的新闻", "content/news/earlier.md", "2025-05-12", "", "张初审", "2025-05-11",
                                      "李复审", "2025-05-11", "王终审", "2025-05-11"}));
  EXPECT_EQ(row_texts(sheet, 5, 10),
            (std::vector<std::string>{"=1+1 开幕式", "content/news/opening.md", "2025-05-13 09:00", "赵记者", "张初审",
                                      "2025-05-12", "李复审", "2025-05-12", "王终审", "2025-05-12"}));
  EXPECT_EQ(row_texts(sheet, 6, 10),
            (std::vector<std::string>{"定时的新闻", "content/news/timed.md", "2025-05-14 08:00", "钱记者", "张初审",
                                      "2025-05-13", "李复审", "2025-05-13", "王终审", "2025-05-13"}));
  EXPECT_EQ(sheet.text("A8").rfind("说明：按发布时间先后排列，共 3 条", 0), 0u) << sheet.text("A8");
  EXPECT_FALSE(sheet.cells.at("A6").number);
  // Drafts and items not yet due are not in the record.
  for (const auto& [ref, cell] : sheet.cells) {
    EXPECT_EQ(cell.text.find("草稿新闻"), std::string::npos) << ref;
    EXPECT_EQ(cell.text.find("还没到时间"), std::string::npos) << ref;
  }
  // The title is a text cell, never a formula.
  EXPECT_EQ(testing::unzip_entry(file, "xl/worksheets/sheet1.xml").find("<f>"), std::string::npos);
  EXPECT_EQ(sheet.orientation, "landscape");
}

TEST_F(ReviewLog, TheCsvHoldsTheSameTableWithFormulasNeutralised) {
  report();
  const std::string csv = testing::read_text(out_.path() / "report/审核记录.csv");
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("\r\n标题,文件,发布时间,作者,初审,,复审,,终审,\r\n"
                     ",,,,审核人,审核日期,审核人,审核日期,审核人,审核日期\r\n"
                     "更早的新闻,content/news/earlier.md,2025-05-12,,张初审,2025-05-11,李复审,2025-05-11,王终审,2025-05-11\r\n"
                     "'=1+1 开幕式,content/news/opening.md,2025-05-13 09:00,赵记者,张初审,2025-05-12,李复审,2025-05-12,"
                     "王终审,2025-05-12\r\n"
                     "定时的新闻,content/news/timed.md,2025-05-14 08:00,钱记者,"),
            std::string::npos)
      << csv;
  EXPECT_EQ(csv.find("草稿新闻"), std::string::npos);
}

TEST_F(ReviewLog, WithoutReviewStagesThereIsNoRecord) {
  testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json(R"("departments": ["教务处"])"));
  const ReportResult result = report();
  for (const auto& file : result.files) EXPECT_EQ(file.find("审核记录"), std::string::npos) << file;
  EXPECT_FALSE(fs::exists(out_.path() / "report/审核记录.xlsx"));
  EXPECT_FALSE(fs::exists(out_.path() / "report/审核记录.csv"));
  EXPECT_TRUE(fs::exists(out_.path() / "report/06-开展情况汇总表.xlsx"));
}

}  // namespace
}  // namespace zhuanlan
