// Two sources that would write one output path: the build stops before
// writing, names both sources, and leaves the previous output as it was.
#include <gtest/gtest.h>

#include "test_support.h"
#include "write/build_site.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

std::string news(const std::string& title, const std::string& extra = "") {
  return "---\ntitle: " + title + "\ndate: 2025-05-13 09:00\ndepartment: 教务处\n" + extra + "---\n正文。\n";
}

class OutputPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    testing::write_text(site_.path() / "content/news/2025-05-12/opening.md", news("开幕"));
    // A good build first: the output a failing build must leave alone.
    const BuildResult first = build();
    for (const auto& d : first.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
    before_ = testing::read_tree(out());
    ASSERT_FALSE(before_.empty());
  }

  fs::path out() const { return site_.path() / "public"; }
  BuildResult build() const {
    BuildOptions options;
    options.site_dir = site_.path();
    return build_site(options);
  }

  // Builds, expects it to fail with one error that names every part, and
  // the output to be as it was. Returns all messages.
  std::string expect_collision(const std::vector<std::string>& parts) {
    const BuildResult result = build();
    EXPECT_FALSE(result.ok);
    std::string all;
    for (const auto& d : result.diagnostics.items) all += format_diagnostic(d) + "\n";
    EXPECT_GE(result.diagnostics.error_count(), 1) << all;
    for (const auto& part : parts) EXPECT_NE(all.find(part), std::string::npos) << part << " not in\n" << all;
    EXPECT_EQ(testing::read_tree(out()), before_);
    return all;
  }

  testing::TempDir site_;
  std::map<std::string, std::string> before_;
};

TEST_F(OutputPaths, ANewsFileNamedIndexWouldReplaceTheNewsList) {
  testing::write_text(site_.path() / "content/news/2025-05-13/index.md", news("索引"));
  expect_collision({"content/news/2025-05-13/index.md", "每日动态列表", "news/index.html", "改名"});
}

TEST_F(OutputPaths, NewsFilesOfTheSameNameInTwoDayFoldersAreBothNamed) {
  testing::write_text(site_.path() / "content/news/2025-05-13/opening.md", news("又一篇开幕"));
  expect_collision({"content/news/2025-05-12/opening.md", "content/news/2025-05-13/opening.md", "news/opening.html"});
}

TEST_F(OutputPaths, AnActivityWithIdIndexWouldReplaceTheProgramme) {
  testing::write_text(site_.path() / "content/activities/week.json",
                      R"([
  { "id": "index", "title": "开幕式", "start": "2025-05-13T09:00", "lead": "教务处" }
])");
  expect_collision({"content/activities/week.json 第 2 行", "活动 id “index”", "活动安排", "schedule/index.html", "换一个 id"});
}

TEST_F(OutputPaths, ATourStopWithIdIndexWouldReplaceTheMap) {
  testing::write_image(site_.path() / "content/images/map.jpg");
  testing::write_text(site_.path() / "content/tour.json", R"({
  "map": "images/map.jpg",
  "stops": [
    { "id": "index", "name": "南大门", "x": 0.5, "y": 0.5, "photo": "images/map.jpg" }
  ]
})");
  expect_collision({"content/tour.json 第 4 行", "站点 id “index”", "tour/index.html", "换一个 id"});
}

TEST_F(OutputPaths, DepartmentsThatDifferOnlyInCaseShareNoPage) {
  testing::write_text(site_.path() / "content/news/2025-05-13/it.md", "---\ntitle: 网络\ndate: 2025-05-13 10:00\ndepartment: IT Center\n---\n正文。\n");
  testing::write_text(site_.path() / "content/activities/week.json",
                      R"([
  { "id": "network", "title": "网络安全周", "start": "2025-05-13T09:00", "lead": "IT center" }
])");
  expect_collision({"content/news/2025-05-13/it.md 第 4 行", "content/activities/week.json 第 2 行", "IT Center", "IT center",
                    "departments/it-center.html", "统一"});
}

TEST_F(OutputPaths, TagsThatDifferOnlyInCaseShareNoPage) {
  testing::write_text(site_.path() / "content/news/2025-05-13/a.md", news("甲", "tags: [AI]\n"));
  testing::write_text(site_.path() / "content/news/2025-05-13/b.md", news("乙", "tags: [ai]\n"));
  expect_collision({"content/news/2025-05-13/a.md 第 5 行", "content/news/2025-05-13/b.md 第 5 行", "tags/ai.html"});
}

TEST_F(OutputPaths, ADepartmentNamedIndexWouldReplaceTheDepartmentList) {
  testing::write_text(site_.path() / "content/news/2025-05-13/a.md",
                      "---\ntitle: 甲\ndate: 2025-05-13 10:00\ndepartment: Index\n---\n正文。\n");
  expect_collision({"content/news/2025-05-13/a.md 第 4 行", "供稿单位“Index”", "供稿单位一览", "departments/index.html"});
}

TEST_F(OutputPaths, TwoPeopleWithOneSlugAreBothNamed) {
  testing::write_text(site_.path() / "content/people/a.md", "---\nname: 张三\nrole: 技能巧手\nslug: zhang-san\n---\n故事。\n");
  testing::write_text(site_.path() / "content/people/b.md", "---\nname: 张叁\nrole: 技能巧手\nslug: zhang-san\n---\n故事。\n");
  expect_collision({"content/people/a.md 第 4 行", "content/people/b.md 第 4 行", "people/zhang-san.html"});
}

TEST_F(OutputPaths, APersonFileNamedIndexWouldReplaceThePeopleIndex) {
  testing::write_text(site_.path() / "content/people/index.md", "---\nname: 王五\nrole: 技能巧手\n---\n故事。\n");
  expect_collision({"content/people/index.md", "典型人物首页", "people/index.html", "改名"});
}

TEST_F(OutputPaths, ANewsSlugNamedIndexIsReportedAtItsLine) {
  testing::write_text(site_.path() / "content/news/2025-05-13/list.md", news("列表", "slug: index\n"));
  expect_collision({"content/news/2025-05-13/list.md 第 5 行", "每日动态列表", "news/index.html"});
}

TEST_F(OutputPaths, TwoImagesThatDifferOnlyInCaseAreOnePublishedFile) {
  testing::write_image(site_.path() / "content/images/Photo.jpg");
  testing::write_image(site_.path() / "content/images/photo.JPG");
  testing::write_text(site_.path() / "content/news/2025-05-13/a.md", news("甲", "cover: images/Photo.jpg\n"));
  testing::write_text(site_.path() / "content/news/2025-05-13/b.md", news("乙", "cover: images/photo.JPG\n"));
  expect_collision({"content/images/Photo.jpg", "content/images/photo.JPG", "只有大小写不同"});
}

TEST_F(OutputPaths, CheckAndBuildOnTheCommandLineExitNonZero) {
  testing::write_text(site_.path() / "content/news/2025-05-13/index.md", news("索引"));
  for (const std::string command : {"check", "build"}) {
    const testing::CommandRun run =
        testing::run_command(std::string(ZHUANLAN_BINARY) + " " + command + " --site " + site_.path().string());
    EXPECT_NE(run.status, 0) << command;
    EXPECT_NE(run.output.find("content/news/2025-05-13/index.md"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("每日动态列表"), std::string::npos) << run.output;
  }
  EXPECT_EQ(testing::read_tree(out()), before_);
}

}  // namespace
}  // namespace zhuanlan
