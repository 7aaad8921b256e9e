// End-to-end tests of `build`: whole sites in temporary folders.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <regex>
#include <set>
#include <thread>

#include "test_support.h"
#include "write/build_site.h"
#include "write/staged_output.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string news(const std::string& title, const std::string& date, const std::string& extra = "",
                 const std::string& body = "正文第一段。") {
  return "---\ntitle: " + title + "\ndate: " + date + "\ndepartment: 教务处\n" + extra + "---\n" + body + "\n";
}

class BuildTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    testing::write_image(site_.path() / "content/images/a.jpg");
    testing::write_text(site_.path() / "content/news/one.md",
                        news("第一条", "2025-05-12 09:00", "cover: images/a.jpg\ntags: [技能竞赛]\n"));
    testing::write_text(site_.path() / "content/news/two.md", news("第二条", "2025-05-13 10:00", "top: true\n"));
    testing::write_text(site_.path() / "content/pages/about.md", "---\ntitle: 关于\n---\n关于本专栏。\n");
  }

  BuildResult build(const fs::path& out) {
    BuildOptions options;
    options.site_dir = site_.path();
    options.out_dir = out;
    return build_site(options);
  }

  TempDir site_;
  TempDir outputs_;
};

TEST_F(BuildTest, DraftsArePublishedOnlyWithDraftsAndMarkedAsSuch) {
  testing::write_text(site_.path() / "content/news/three.md", news("未审稿件", "2025-05-14 08:00", "draft: true\n"));
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  EXPECT_FALSE(fs::exists(out / "news/three.html"));
  EXPECT_EQ(testing::read_text(out / "index.html").find("草稿"), std::string::npos);
  BuildOptions options;
  options.site_dir = site_.path();
  options.out_dir = outputs_.path() / "preview";
  options.include_drafts = true;
  ASSERT_TRUE(build_site(options).ok);
  const std::string mark = "<span class=\"badge badge-draft\">草稿</span>";
  EXPECT_NE(testing::read_text(options.out_dir / "news/three.html").find(mark + "未审稿件</h1>"), std::string::npos);
  const std::string list = testing::read_text(options.out_dir / "news/index.html");
  EXPECT_NE(list.find(mark + "<a href=\"../news/three.html\">未审稿件</a>"), std::string::npos);
  EXPECT_EQ(testing::read_text(options.out_dir / "news/two.html").find(mark), std::string::npos);
  // The preview says so, for deploy to refuse it; the public build does not.
  EXPECT_TRUE(built_with_drafts(options.out_dir));
  EXPECT_FALSE(built_with_drafts(out));
}

TEST_F(BuildTest, WritesEveryKindOfPage) {
  const fs::path out = outputs_.path() / "public";
  const BuildResult result = build(out);
  for (const auto& d : result.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_TRUE(result.ok);
  for (const char* file : {"index.html", "news/index.html", "news/one.html", "news/two.html", "days/2025-05-12.html",
                           "days/2025-05-13.html", "departments/index.html", "tags/index.html", "pages/about.html",
                           "feed.xml", "sitemap.xml", "404.html", "images/a.jpg"}) {
    EXPECT_TRUE(fs::exists(out / file)) << file;
  }
  const std::string item = testing::read_text(out / "news/one.html");
  EXPECT_NE(item.find("2025年5月12日 星期一"), std::string::npos);
  EXPECT_NE(item.find("rel=\"next\" href=\"../news/two.html\""), std::string::npos);
  const std::string home = testing::read_text(out / "index.html");
  EXPECT_LT(home.find("第二条"), home.find("第一条"));  // the pinned item first
  // Assets carry a hash of their bytes in their names.
  EXPECT_TRUE(std::regex_search(home, std::regex("href=\"assets/style\\.[0-9a-f]{10}\\.css\"")));
}

TEST_F(BuildTest, FailedBuildLeavesThePreviousOutputUntouched) {
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  const auto before = testing::read_tree(out);
  testing::write_text(site_.path() / "content/news/broken.md", "---\ntitle: [未闭合\n---\n");
  testing::write_text(site_.path() / "content/news/broken2.md", news("坏图", "2025-05-13", "", "![说明](images/no.jpg)"));
  const BuildResult failed = build(out);
  EXPECT_FALSE(failed.ok);
  EXPECT_EQ(failed.diagnostics.error_count(), 2);  // both problems, not only the first
  EXPECT_EQ(testing::read_tree(out), before);
  EXPECT_FALSE(fs::exists(outputs_.path() / "public.zhuanlan-stage"));
}

TEST_F(BuildTest, ABrokenInternalLinkStopsTheBuildAndContentLinksBecomeUrls) {
  const fs::path out = outputs_.path() / "public";
  testing::write_text(site_.path() / "content/news/two.md",
                      news("第二条", "2025-05-13 10:00", "", "见[第一条](news/one.md)和[关于](../pages/about.md)。"));
  ASSERT_TRUE(build(out).ok);
  const std::string two = testing::read_text(out / "news/two.html");
  EXPECT_NE(two.find("href=\"../news/one.html\""), std::string::npos);
  EXPECT_NE(two.find("href=\"../pages/about.html\""), std::string::npos);
  const auto before = testing::read_tree(out);
  testing::write_text(site_.path() / "content/news/two.md",
                      news("第二条", "2025-05-13 10:00", "", "第一段。\n\n见[第一条](../news/onee.html)。"));
  const BuildResult failed = build(out);
  EXPECT_FALSE(failed.ok);
  ASSERT_EQ(failed.diagnostics.error_count(), 1);
  const Diagnostic& d = failed.diagnostics.items.front();
  EXPECT_EQ(d.file, "content/news/two.md");
  EXPECT_EQ(d.line, 8);  // five lines of front matter, then the body: its third line
  EXPECT_NE(d.message.find("是不是“news/one.html”"), std::string::npos) << d.message;
  EXPECT_EQ(testing::read_tree(out), before);
}

TEST_F(BuildTest, SameInputGivesByteIdenticalOutput) {
  for (int i = 3; i < 40; ++i) {
    testing::write_text(site_.path() / ("content/news/n" + std::to_string(i) + ".md"),
                        news("新闻" + std::to_string(i), "2025-05-1" + std::to_string(1 + i % 7) + " 10:00",
                             "tags: [标签" + std::to_string(i % 5) + "]\n"));
  }
  ASSERT_TRUE(build(outputs_.path() / "a").ok);
  ASSERT_TRUE(build(outputs_.path() / "b").ok);
  const auto a = testing::read_tree(outputs_.path() / "a");
  EXPECT_GT(a.size(), 50u);
  EXPECT_EQ(a, testing::read_tree(outputs_.path() / "b"));
}

TEST_F(BuildTest, UnchangedRebuildKeepsFilesAsTheyWere) {
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  struct stat before {};
  ASSERT_EQ(stat((out / "news/one.html").c_str(), &before), 0);
  const BuildResult again = build(out);
  ASSERT_TRUE(again.ok);
  EXPECT_EQ(again.files_written, 0u);
  struct stat after {};
  ASSERT_EQ(stat((out / "news/one.html").c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);
  EXPECT_EQ(before.st_mtim.tv_sec, after.st_mtim.tv_sec);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
}

TEST_F(BuildTest, HostileContentComesOutInert) {
  const std::string payload = "\"'><script>alert(1)</script><img src=x onerror=alert(1)>";
  testing::write_text(site_.path() / "content/news/evil.md",
                      "---\ntitle: '" + std::string("标题") + "\"''><script>alert(1)</script><img src=x onerror=alert(1)>'\n"
                      "date: 2025-05-13\ndepartment: '<script>alert(2)</script>'\n"
                      "tags: ['<svg onload=alert(3)>']\nsummary: '</title><script>alert(4)</script>'\n---\n"
                      "<script>alert(5)</script>\n\n" + payload + "\n");
  const fs::path out = outputs_.path() / "public";
  const BuildResult result = build(out);
  for (const auto& d : result.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_TRUE(result.ok);
  for (const auto& [path, bytes] : testing::read_tree(out)) {
    if (path.find(".html") == std::string::npos && path.find(".xml") == std::string::npos) continue;
    // The generator's own scripts (local files, the elder-mode switch, the
    // schedule as JSON) are allowed; no other script may appear.
    std::string without_own = std::regex_replace(bytes, std::regex("<script src=\"[^\"]*assets/[^\"]*\"( defer)?></script>"), "");
    without_own = std::regex_replace(without_own, std::regex("<script>try\\{if\\(localStorage[^<]*</script>"), "");
    without_own = std::regex_replace(without_own, std::regex("<script type=\"application/json\" id=\"schedule-data\">[^<]*</script>"), "");
    EXPECT_EQ(without_own.find("<script"), std::string::npos) << path;
    EXPECT_EQ(bytes.find("<svg"), std::string::npos) << path;
    EXPECT_EQ(bytes.find("<img src=x"), std::string::npos) << path;
    // Escaped text may spell a handler out, also inside a quoted attribute
    // value; a real tag must never carry one.
    const std::string without_values = std::regex_replace(bytes, std::regex("\"[^\"]*\""), "\"\"");
    EXPECT_FALSE(std::regex_search(without_values, std::regex("<[a-zA-Z][^>]*\\son[a-z]+\\s*=")))
        << path;
  }
  const std::string feed = testing::read_text(out / "feed.xml");
  EXPECT_NE(feed.find("&lt;script&gt;alert(1)"), std::string::npos);
}

TEST_F(BuildTest, SiteWithOnlyContentUsesTheShippedLayoutsAndOwnFilesOverrideThem) {
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  EXPECT_NE(testing::read_text(out / "pages/about.html").find("跳到正文"), std::string::npos);
  testing::write_text(site_.path() / "layouts/page.mustache", "<h1 class=\"own\">{{title}}</h1>{{{body}}}");
  testing::write_text(site_.path() / "assets/extra.js", "console.log(1);");
  ASSERT_TRUE(build(out).ok);
  const std::string page = testing::read_text(out / "pages/about.html");
  EXPECT_NE(page.find("<h1 class=\"own\">关于</h1>"), std::string::npos);
  EXPECT_NE(page.find("跳到正文"), std::string::npos);  // base layout still shipped
  bool found_js = false;
  for (const auto& entry : fs::directory_iterator(out / "assets")) {
    found_js = found_js || entry.path().filename().string().rfind("extra.", 0) == 0;
  }
  EXPECT_TRUE(found_js);
}

// A site rewords the program's own text in layouts/strings.json, a subset
// of keys; what it writes is escaped like any other text, and a broken
// strings file stops the build with its name and line.
TEST_F(BuildTest, SiteRewordsItsTextKeyByKey) {
  const fs::path out = outputs_.path() / "public";
  testing::write_text(site_.path() / "layouts/strings.json",
                      "{\n  \"新闻.署名.供稿\": \"来稿 & <b>\",\n  \"每日动态.标题\": \"校园新闻\"\n}\n");
  const BuildResult result = build(out);
  for (const auto& d : result.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_TRUE(result.ok);
  const std::string item = testing::read_text(out / "news/one.html");
  EXPECT_NE(item.find("来稿 &amp; &lt;b&gt;"), std::string::npos);
  EXPECT_EQ(item.find("来稿 & <b>"), std::string::npos);
  EXPECT_NE(testing::read_text(out / "404.html").find("页面未找到"), std::string::npos)
      << "keys the site does not override stay as shipped";
  EXPECT_NE(testing::read_text(out / "news/index.html").find("<title>校园新闻"), std::string::npos);

  testing::write_text(site_.path() / "layouts/strings.json", "{\n  \"每日动态.标题\": \"校园新闻\",\n}\n");
  const BuildResult broken = build(out);
  EXPECT_FALSE(broken.ok);
  ASSERT_EQ(broken.diagnostics.error_count(), 1);
  EXPECT_EQ(broken.diagnostics.items[0].file, "layouts/strings.json");
  EXPECT_EQ(broken.diagnostics.items[0].line, 3);
  EXPECT_NE(testing::read_text(out / "news/index.html").find("校园新闻"), std::string::npos);  // previous output kept
}

TEST_F(BuildTest, TemplateSyntaxErrorIsReportedWithTheTemplateFile) {
  testing::write_text(site_.path() / "layouts/news.mustache", "{{#title}}unclosed");
  const BuildResult result = build(outputs_.path() / "public");
  EXPECT_FALSE(result.ok);
  ASSERT_EQ(result.diagnostics.error_count(), 1);
  EXPECT_EQ(result.diagnostics.items[0].file, "layouts/news.mustache");
}

TEST_F(BuildTest, RefusesToReplaceAFolderItDidNotWrite) {
  const fs::path out = outputs_.path() / "mine";
  testing::write_text(out / "thesis.docx", "precious");
  const BuildResult result = build(out);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(testing::read_text(out / "thesis.docx"), "precious");
  BuildOptions into_site;
  into_site.site_dir = site_.path();
  into_site.out_dir = site_.path() / "content";
  EXPECT_FALSE(build_site(into_site).ok);
  EXPECT_TRUE(fs::exists(site_.path() / "content/news/one.md"));
}

TEST_F(BuildTest, TwoBuildsAtOnceEndConsistentlyAndPublishTheWholeSite) {
  // The probe's case: both used to exit 0 with about 90 % of the files, and
  // every later build refused the folder. Now one waits for nothing: a build
  // that finds the output locked stops with a message and writes nothing.
  const fs::path out = outputs_.path() / "public";
  for (int round = 0; round < 3; ++round) {
    BuildResult results[2];
    std::thread other([&] { results[1] = build(out); });
    results[0] = build(out);
    other.join();
    for (const BuildResult& result : results) {
      if (result.ok) continue;
      ASSERT_FALSE(result.diagnostics.items.empty());
      for (const auto& d : result.diagnostics.items) {
        if (d.severity == Severity::error) {
          EXPECT_NE(d.message.find("另一个构建正在写入"), std::string::npos) << format_diagnostic(d);
        }
      }
    }
    EXPECT_TRUE(results[0].ok || results[1].ok);
    for (const char* file : {"index.html", "news/index.html", "news/one.html", "days/2025-05-12.html", "feed.xml",
                             "images/a.jpg", StagedOutput::kMarker}) {
      EXPECT_TRUE(fs::exists(out / file)) << file;
    }
    EXPECT_FALSE(fs::exists(outputs_.path() / "public.zhuanlan-stage"));
    testing::write_text(site_.path() / "content/news/two.md", news("第二条" + std::to_string(round), "2025-05-13 10:00"));
  }
  const BuildResult third = build(out);
  for (const auto& d : third.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
  EXPECT_TRUE(third.ok);
}

TEST_F(BuildTest, DuplicateUrlsAreErrors) {
  testing::write_text(site_.path() / "content/news/2025/one.md", news("重名", "2025-05-13"));
  const BuildResult result = build(outputs_.path() / "public");
  EXPECT_FALSE(result.ok);
  ASSERT_EQ(result.diagnostics.error_count(), 1);
  const std::string message = format_diagnostic(result.diagnostics.items[0]);
  EXPECT_NE(message.find("content/news/2025/one.md"), std::string::npos) << message;
  EXPECT_NE(message.find("都会发布为 news/one.html"), std::string::npos) << message;
}

TEST_F(BuildTest, PaginatesLongLists) {
  testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json("\"news_per_page\": 3"));
  for (int i = 0; i < 5; ++i) {
    testing::write_text(site_.path() / ("content/news/p" + std::to_string(i) + ".md"), news("同日" + std::to_string(i), "2025-05-14 1" + std::to_string(i) + ":00"));
  }
  const fs::path out = outputs_.path() / "public";
  ASSERT_TRUE(build(out).ok);
  EXPECT_TRUE(fs::exists(out / "news/index_3.html"));   // 7 items, 3 a page
  EXPECT_FALSE(fs::exists(out / "news/index_4.html"));
  EXPECT_TRUE(fs::exists(out / "days/2025-05-14_2.html"));  // 5 items that day
  const std::string first = testing::read_text(out / "news/index.html");
  EXPECT_NE(first.find("href=\"../news/index_2.html\""), std::string::npos);
  EXPECT_NE(first.find("第 1 页，共 3 页"), std::string::npos);
}

}  // namespace
}  // namespace zhuanlan
