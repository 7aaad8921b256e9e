#include "load/news_loader.h"
#include "load/image_refs.h"

#include <gtest/gtest.h>

#include "render/markdown_html.h"

#include "load/site_config.h"
#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

class NewsLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json",
                        testing::minimal_site_json(R"("review": { "require_reviewer": true })"));
    testing::write_image(site_.path() / "content/images/a.jpg");
  }

  std::vector<NewsItem> load(const std::string& name, const std::string& text, bool drafts = false) {
    testing::write_text(site_.path() / "content/news" / name, text);
    Diagnostics config_problems;
    auto config = load_site_config(site_.path(), "", config_problems);
    EXPECT_TRUE(config.has_value());
    ImageHeaders headers;
    return load_news({site_.path(), *config, headers}, drafts, found_);
  }

  // The diagnostic whose message holds `needle`, or a failure.
  Diagnostic find(const std::string& needle) {
    for (const auto& d : found_.items) {
      if (d.message.find(needle) != std::string::npos) return d;
    }
    ADD_FAILURE() << "no diagnostic mentions " << needle << "; got " << found_.items.size();
    for (const auto& d : found_.items) ADD_FAILURE() << format_diagnostic(d);
    return {};
  }

  TempDir site_;
  Diagnostics found_;
};

const char kGood[] = R"(---
title: 汽车工程学院举办技能竞赛
date: 2025-05-13 16:30
department: 汽车工程学院
author: 作者甲
reviewer: 审核乙
tags: [技能竞赛, 产教融合]
cover: images/a.jpg
cover_caption: 选手在赛场上
---
第一段正文。

![选手正在检测电池](images/a.jpg "比赛现场")
)";

TEST_F(NewsLoaderTest, LoadsEveryField) {
  const auto items = load("2025-05-13/contest.md", kGood);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_FALSE(found_.has_errors());
  const NewsItem& item = items[0];
  EXPECT_EQ(item.title, "汽车工程学院举办技能竞赛");
  EXPECT_EQ(item.slug, "contest");
  EXPECT_EQ(item.url, "news/contest.html");
  EXPECT_EQ(item.department, "汽车工程学院");
  EXPECT_EQ(item.tags, (std::vector<std::string>{"技能竞赛", "产教融合"}));
  EXPECT_EQ(format_day_iso(item.day), "2025-05-13");
  EXPECT_EQ(item.summary, "第一段正文。");
  ASSERT_TRUE(item.cover);
  EXPECT_EQ(item.cover->published_path, "images/a.jpg");
  EXPECT_EQ(item.cover->caption, "选手在赛场上");
  ASSERT_EQ(item.images.size(), 2u);
  EXPECT_EQ(item.images[0].caption, "选手在赛场上");
  EXPECT_EQ(item.images[1].caption, "比赛现场");
  const std::string body = markdown_html(item.body, {item.url});
  EXPECT_NE(body.find("<figcaption>比赛现场</figcaption>"), std::string::npos) << body;
  EXPECT_NE(body.find("src=\"../images/a.jpg\""), std::string::npos) << body;
}

TEST_F(NewsLoaderTest, YamlSyntaxErrorNamesTheLineInTheWholeFile) {
  load("bad.md", "---\ntitle: 标题\ndate: 2025-05-13\ntags: [a, b\ndepartment: 教务处\n---\n正文\n");
  const Diagnostic d = find("YAML");
  EXPECT_EQ(d.file, "content/news/bad.md");
  EXPECT_GE(d.line, 4);
  EXPECT_LE(d.line, 6);
}

TEST_F(NewsLoaderTest, MissingFieldsAndBadValuesNameTheirLines) {
  load("bad.md", "---\ntitle:\ndate: 2025-02-30 10:00\ndepartment: 教务处\nreviewer: 某\ntop: 也许\ntitel: 错字\n---\n正文\n");
  EXPECT_EQ(find("缺少必填字段 title").line, 2);
  EXPECT_EQ(find("不存在").line, 3);
  EXPECT_EQ(find("true 或 false").line, 6);
  const Diagnostic unknown = find("不认识的字段 titel");
  EXPECT_EQ(unknown.line, 7);
  EXPECT_EQ(unknown.severity, Severity::warning);
}

TEST_F(NewsLoaderTest, ImageProblemsCountFrontMatterLines) {
  load("img.md", "---\ntitle: 标题\ndate: 2025-05-13\ndepartment: 教务处\nreviewer: 某\n---\n\n第一段。\n\n"
                 "![](images/a.jpg)\n\n![说明](images/none.jpg)\n\n![说明](../../../etc/passwd)\n");
  EXPECT_EQ(find("缺少说明文字").line, 10);
  EXPECT_EQ(find("找不到文件 content/images/none.jpg").line, 12);
  EXPECT_EQ(find("content/ 文件夹之外").line, 14);
}

TEST_F(NewsLoaderTest, InvalidUtf8IsReportedWithItsByteOffset) {
  load("gbk.md", "---\ntitle: \xD6\xB0\xBD\xCC\n---\n");
  const Diagnostic d = find("UTF-8");
  EXPECT_EQ(d.line, 2);
  // "---\ntitle: " is 11 bytes; D6 B0 decodes, BD at the 14th byte does not.
  EXPECT_NE(d.message.find("第 14 个字节"), std::string::npos) << d.message;
}

TEST_F(NewsLoaderTest, ReviewerIsRequiredWhenTheSiteSaysSo) {
  load("noreview.md", "---\ntitle: 标题\ndate: 2025-05-13\ndepartment: 教务处\n---\n正文\n");
  EXPECT_EQ(find("审核").severity, Severity::error);
}

TEST_F(NewsLoaderTest, DraftsAreLeftOutAndTheirProblemsOnlyWarn) {
  const std::string draft = "---\ntitle: 草稿\ndate: 2025-05-13\ndepartment: 教务处\ndraft: true\n---\n![x](images/no.jpg)\n";
  EXPECT_TRUE(load("draft.md", draft).empty());
  EXPECT_FALSE(found_.has_errors());
  EXPECT_EQ(find("找不到文件").severity, Severity::warning);
}

TEST_F(NewsLoaderTest, ChineseFileNamesGetAsciiUrlsAndSlugsAreChecked) {
  const auto items = load("校企合作签约仪式.md", kGood);
  ASSERT_EQ(items.size(), 1u);
  for (const char c : items[0].url) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << items[0].url;
  std::string with_bad_slug = kGood;
  with_bad_slug.insert(4, "slug: 开幕式\n");
  load("other.md", with_bad_slug);
  EXPECT_EQ(find("slug").line, 2);
}

TEST_F(NewsLoaderTest, MissingFrontMatterAndUnclosedFenceAreErrors) {
  load("plain.md", "只有正文\n");
  EXPECT_EQ(find("缺少 front matter").line, 1);
  load("open.md", "---\ntitle: 标题\n正文\n");
  EXPECT_EQ(find("没有结束").line, 1);
}

TEST(SiteConfig, ReportsJsonErrorsWithLines) {
  TempDir site;
  testing::write_text(site.path() / "content/site.json", "{\n  \"school\": \"学院\",\n  \"title\": \"标题\"\n  \"theme\": \"x\"\n}\n");
  Diagnostics found;
  EXPECT_FALSE(load_site_config(site.path(), "", found));
  ASSERT_EQ(found.items.size(), 1u);
  EXPECT_EQ(found.items[0].line, 4);
}

TEST(SiteConfig, ReportsMissingAndInvalidValuesWithLines) {
  TempDir site;
  testing::write_text(site.path() / "content/site.json",
                      "{\n  \"school\": \"学院\",\n  \"title\": \"标题\",\n  \"theme\": \"主题\",\n"
                      "  \"week\": { \"start\": \"2025-05-11\",\n            \"end\": \"2025-05-32\" },\n"
                      "  \"base_url\": \"www.example.edu.cn\",\n  \"students_total\": \"很多\"\n}\n");
  Diagnostics found;
  EXPECT_FALSE(load_site_config(site.path(), "", found));
  std::map<int, std::string> by_line;
  for (const auto& d : found.items) by_line[d.line] += d.message;
  EXPECT_NE(by_line[6].find("不存在"), std::string::npos);
  EXPECT_NE(by_line[7].find("https://"), std::string::npos);
  EXPECT_NE(by_line[8].find("整数"), std::string::npos);
}

TEST(SiteConfig, BaseUrlGivesTheBasePath) {
  TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  Diagnostics found;
  auto config = load_site_config(site.path(), "", found);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->base_path, "/zjz2025/");
  config = load_site_config(site.path(), "http://localhost:8080", found);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->base_url, "http://localhost:8080/");
  EXPECT_EQ(config->base_path, "/");
}

// Windows Notepad saves CRLF and often a BOM; old Mac editors save CR only.
std::string with_line_endings(const std::string& text, const std::string& eol) {
  std::string out;
  for (const char c : text) out += c == '\n' ? eol : std::string(1, c);
  return out;
}

TEST_F(NewsLoaderTest, CrlfCrAndBomFilesReadAsTheirLfTwinAndKeepTheirLineNumbers) {
  const std::string lf = "---\ntitle: 标题\ndate: 2025-05-13\ndepartment: 教务处\nreviewer: 某\nauthor: 张三\n"
                         "tags: [甲, 乙]\ntitel: 错字\n---\n\n第一段。\n\n![说明](images/none.jpg)\n";
  for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
    for (const std::string eol : {"\n", "\r\n", "\r"}) {
      found_ = {};
      const auto items = load("e.md", bom + with_line_endings(lf, eol));
      ASSERT_EQ(items.size(), 1u) << ::testing::PrintToString(eol);
      EXPECT_EQ(items[0].title, "标题");
      EXPECT_EQ(items[0].author, "张三");  // no CR left at the end of a value
      EXPECT_EQ(items[0].reviewer, "某");
      EXPECT_EQ(items[0].tags, (std::vector<std::string>{"甲", "乙"}));
      EXPECT_EQ(find("不认识的字段 titel").line, 8);
      EXPECT_EQ(find("找不到文件 content/images/none.jpg").line, 13);
    }
  }
}

TEST_F(NewsLoaderTest, DuplicateKeysAndControlCharactersAreReportedOnTheirLines) {
  load("d.md", "---\ntitle: 标题\ndate: 2025-05-13\ndepartment: 教务处\nreviewer: 某\ntitle: 另一个\n"
               "author: \"张\\0三\"\n---\n正文\n");
  const Diagnostic twice = find("字段 title 写了两次（第 2 行和第 6 行）");
  EXPECT_EQ(twice.severity, Severity::warning);
  const Diagnostic control = find("字段 author 含有看不见的控制字符");
  EXPECT_EQ(control.line, 7);
  EXPECT_EQ(control.severity, Severity::error);
  EXPECT_EQ(control.file, "content/news/d.md");
}

TEST_F(NewsLoaderTest, FreePagesWithCrOrCrlfAndABomReadLikeLfOnes) {
  for (const std::string eol : {"\r\n", "\r"}) {
    testing::write_text(site_.path() / "content/pages/about.md",
                        "\xEF\xBB\xBF" + with_line_endings("---\ntitle: 关于本专栏\nmenu: 关于\norder: 3\n---\n\n![说明](x.jpg)\n", eol));
    Diagnostics config_problems;
    const auto config = load_site_config(site_.path(), "", config_problems);
    ASSERT_TRUE(config);
    found_ = {};
    ImageHeaders headers;
    const auto pages = load_pages({site_.path(), *config, headers}, found_);
    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].title, "关于本专栏");
    EXPECT_EQ(pages[0].menu, "关于");
    EXPECT_EQ(pages[0].order, 3);
    EXPECT_EQ(find("找不到文件").line, 7);
  }
}

// Later stages (unique outputs, the activity check, the week check) name the
// line of the field they question.
TEST_F(NewsLoaderTest, RemembersTheLinesOfTheFieldsLaterChecksName) {
  const auto items = load("lines.md", R"(---
title: 标题
reviewer: 审核乙
date: 2025-05-13 16:30
department: 汽车工程学院
activity: auto-repair-contest
tags: [技能竞赛]
slug: contest-lines
---
正文。
)");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].lines.date, 4);
  EXPECT_EQ(items[0].lines.department, 5);
  EXPECT_EQ(items[0].lines.activity, 6);
  EXPECT_EQ(items[0].lines.tags, 7);
  EXPECT_EQ(items[0].lines.slug, 8);
  const auto unnamed = load("by-file-name.md", "---\ntitle: 甲\nreviewer: 乙\ndate: 2025-05-13\ndepartment: 教务处\n---\n正文。\n");
  for (const auto& item : unnamed) {
    if (item.slug == "by-file-name") EXPECT_EQ(item.lines.slug, 0);  // the file name gives the URL
  }
}

TEST_F(NewsLoaderTest, AMissingReviewerIsReportedAtTheFrontMatter) {
  load("unreviewed.md", "---\ntitle: 甲\ndate: 2025-05-13\ndepartment: 教务处\n---\n正文。\n");
  EXPECT_EQ(find("要求每条新闻经过审核").line, 1);
}

}  // namespace
}  // namespace zhuanlan
