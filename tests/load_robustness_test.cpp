// Whole-content loading of awkward but valid input (line endings, BOM,
// symbolic links) and follow-on errors: load_content + validate_content.
#include <gtest/gtest.h>

#include "load/load_content.h"
#include "test_support.h"
#include "validate/validate_content.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

std::string with_line_ends(std::string text, const std::string& eol) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += eol;
    else out += c;
  }
  return out;
}

const Diagnostic* find(const Diagnostics& d, const std::string& file, const std::string& part) {
  for (const auto& item : d.items) {
    if (item.file == file && item.message.find(part) != std::string::npos) return &item;
  }
  return nullptr;
}

std::string listing(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items) out += format_diagnostic(item) + "\n";
  return out;
}

class LoadRobustnessTest : public ::testing::Test {
 protected:
  std::optional<Content> load() {
    found_ = {};
    auto content = load_content(site_.path(), "", false, found_);
    if (content) validate_content(*content, found_);
    return content;
  }
  testing::TempDir site_;
  Diagnostics found_;
};

TEST_F(LoadRobustnessTest, LineEndingsAndByteOrderMarksInEveryJsonAndCsvFile) {
  const std::string bom = "\xEF\xBB\xBF";
  for (const std::string eol : {"\r\n", "\r", "\n"}) {
    SCOPED_TRACE(eol == "\r\n" ? "CRLF" : eol == "\r" ? "CR" : "LF");
    const auto write = [&](const std::string& path, const std::string& text) {
      testing::write_text(site_.path() / path, bom + with_line_ends(text, eol));
    };
    write("content/site.json", testing::minimal_site_json("\"zzz_site\": 1"));  // line 7
    write("content/activities/a.json",
          "{ \"id\": \"a\", \"title\": \"甲\",\n\"start\": \"2025-05-12\", \"lead\": \"教务处\",\n\"zzz_activity\": 1 }\n");
    write("content/media.json",
          "[\n{ \"outlet\": \"某报\", \"level\": \"省级\", \"date\": \"2025-05-14\", \"title\": \"标题\",\n\n"
          "\"zzz_media\": 1 }\n]\n");
    write("content/tour.json", "{ \"map\": \"images/tour/map.jpg\",\n\"stops\": [\n"
                               "{ \"id\": \"gate\", \"name\": \"校门\", \"x\": 0.1, \"y\": 0.9,\n\"zzz_tour\": 1 } ] }\n");
    write("content/achievements/a.json",
          "[\n{ \"title\": \"一等奖\", \"department\": \"护理学院\", \"category\": \"荣誉称号\",\n"
          "\"zzz_achievement\": 1 }\n]\n");
    write("content/achievements/b.csv",
          "title,department,category\n奖项甲,护理学院,荣誉称号\n\"两行\n的奖项\",护理学院,荣誉称号\n奖项丙,,荣誉称号\n");
    const auto content = load();
    ASSERT_TRUE(content) << listing(found_);
    const auto line_of = [&](const std::string& file, const std::string& part) {
      const Diagnostic* d = find(found_, file, part);
      EXPECT_TRUE(d) << file << " " << part << "\n" << listing(found_);
      return d ? d->line : -1;
    };
    EXPECT_EQ(line_of("content/site.json", "zzz_site"), 7);
    EXPECT_EQ(line_of("content/activities/a.json", "zzz_activity"), 3);
    EXPECT_EQ(line_of("content/media.json", "zzz_media"), 4);
    EXPECT_EQ(line_of("content/tour.json", "zzz_tour"), 4);
    EXPECT_EQ(line_of("content/achievements/a.json", "zzz_achievement"), 3);
    EXPECT_EQ(line_of("content/achievements/b.csv", "所属单位"), 4);  // spreadsheet row 4, whatever the cell's line breaks
    ASSERT_EQ(content->activities.size(), 1u);
    EXPECT_EQ(content->activities[0].lead, "教务处");
    EXPECT_EQ(content->site.theme, "一技在手，一生无忧");
    ASSERT_GE(content->achievements.size(), 3u);
    for (const auto& a : content->achievements) {
      EXPECT_EQ(a.title.find('\r'), std::string::npos) << a.title;
      EXPECT_EQ(a.category, "荣誉称号");
    }
  }
}

TEST_F(LoadRobustnessTest, AnActivityFileThatFailsToLoadCausesNoFollowOnErrors) {
  testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site_.path() / "content/activities/a.json",
                      "[ { \"id\": \"opening\", \"title\": \"开幕式\", \"start\": \"2025-05-12\", \"lead\": \"教务处\" }, ]");
  for (int i = 0; i < 9; ++i) {
    testing::write_text(site_.path() / ("content/news/n" + std::to_string(i) + ".md"),
                        "---\ntitle: 第" + std::to_string(i) +
                            "条\ndate: 2025-05-12 09:00\ndepartment: 教务处\nactivity: opening\n---\n正文。\n");
  }
  load();
  EXPECT_EQ(found_.error_count(), 1) << listing(found_);
  EXPECT_TRUE(find(found_, "content/activities/a.json", "JSON 格式错误"));
  const Diagnostic* note = find(found_, "content/activities/", "有 9 处");
  ASSERT_TRUE(note) << listing(found_);
  EXPECT_EQ(note->severity, Severity::warning);
}

TEST_F(LoadRobustnessTest, ALinkToAFileOutsideContentIsRefused) {
  testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site_.path() / "secret.md", "---\ntitle: 秘密\ndate: 2025-05-12 09:00\n---\n不该发布。\n");
  testing::write_text(site_.path() / "content/news/real.md", "---\ntitle: 真的\ndate: 2025-05-12 09:00\n---\n正文。\n");
  fs::create_symlink(site_.path() / "secret.md", site_.path() / "content/news/secret.md");
  fs::create_symlink(site_.path() / "content/news/real.md", site_.path() / "content/news/alias.md");
  load();
  const Diagnostic* refused = find(found_, "content/news/secret.md", "content/ 以外");
  ASSERT_TRUE(refused) << listing(found_);
  EXPECT_EQ(refused->severity, Severity::error);
  EXPECT_FALSE(find(found_, "content/news/alias.md", "content/ 以外"));  // a link inside content/ is fine
}

TEST_F(LoadRobustnessTest, ALinkedFolderIsWarnedAboutNotSilentlySkipped) {
  testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site_.path() / "content/archive/old.md", "---\ntitle: 旧\ndate: 2025-05-12 09:00\n---\n正文。\n");
  fs::create_directories(site_.path() / "content/news");
  fs::create_directory_symlink(site_.path() / "content/archive", site_.path() / "content/news/archive");
  const auto content = load();
  ASSERT_TRUE(content);
  const Diagnostic* warned = find(found_, "content/news/archive", "不会被读取");
  ASSERT_TRUE(warned) << listing(found_);
  EXPECT_EQ(warned->severity, Severity::warning);
  EXPECT_TRUE(content->news.empty());
}

}  // namespace
}  // namespace zhuanlan
