// The benchmark's tools on a small corpus: the corpus generator is
// deterministic and writes content zhuanlan accepts as the content model
// describes it, and bench/run builds it side by side and prints its table.
// No timing is asserted: benchmarks are run by people (bench/README.md).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "test_support.h"
#include "write/build_site.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

using testing::CommandRun;
const auto run = testing::run_command;

bool installed(const std::string& program) { return run("command -v " + program).status == 0; }

std::size_t count_files(const fs::path& dir, const std::string& extension) {
  std::size_t n = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    n += entry.is_regular_file() && entry.path().extension() == extension;
  }
  return n;
}

std::string make_corpus(const fs::path& out, int items, int seed) {
  return std::string(ZHUANLAN_MAKE_CORPUS) + " --items " + std::to_string(items) + " --seed " + std::to_string(seed) +
         " --out " + out.string();
}

TEST(BenchCorpus, SameSeedSameFilesAndValidContent) {
  testing::TempDir dir;
  ASSERT_EQ(run(make_corpus(dir.path() / "a", 60, 7)).status, 0);
  ASSERT_EQ(run(make_corpus(dir.path() / "b", 60, 7)).status, 0);
  ASSERT_EQ(run(make_corpus(dir.path() / "c", 60, 8)).status, 0);
  const auto a = testing::read_tree(dir.path() / "a");
  EXPECT_EQ(a, testing::read_tree(dir.path() / "b"));
  EXPECT_NE(a, testing::read_tree(dir.path() / "c"));

  const fs::path content = dir.path() / "a/site/content";
  EXPECT_EQ(count_files(content / "news", ".md"), 60u);
  EXPECT_EQ(count_files(dir.path() / "a/hugo/content/news", ".md"), 60u);
  EXPECT_EQ(count_files(content / "activities", ".json"), 1u);  // N/50 each
  EXPECT_EQ(count_files(content / "achievements", ".json"), 1u);
  EXPECT_GT(count_files(content / "images", ".jpg"), 0u);

  // Activities and achievements as the content model writes them.
  std::set<std::string> activity_ids;
  for (const auto& entry : fs::directory_iterator(content / "activities")) {
    const auto activity = nlohmann::json::parse(testing::read_text(entry.path()));
    for (const char* key : {"id", "title", "start", "lead", "stats"}) EXPECT_TRUE(activity.contains(key)) << key;
    activity_ids.insert(activity["id"].get<std::string>());
  }
  for (const auto& entry : fs::directory_iterator(content / "achievements")) {
    const auto achievement = nlohmann::json::parse(testing::read_text(entry.path()));
    for (const char* key : {"title", "department", "category"}) EXPECT_TRUE(achievement.contains(key)) << key;
  }
  // News items have about 1,500 characters, headings, lists and links, and
  // every activity they name exists.
  const std::regex activity_line("\nactivity: ([a-z0-9-]+)\n");
  std::size_t with_activity = 0;
  for (const auto& entry : fs::recursive_directory_iterator(content / "news")) {
    if (!entry.is_regular_file()) continue;
    const std::string text = testing::read_text(entry.path());
    EXPECT_GT(text.size(), 3000u);
    EXPECT_NE(text.find("\n## "), std::string::npos);
    EXPECT_NE(text.find("\n- "), std::string::npos);
    EXPECT_NE(text.find("](https://"), std::string::npos);
    std::smatch match;
    if (std::regex_search(text, match, activity_line)) {
      ++with_activity;
      EXPECT_EQ(activity_ids.count(match[1]), 1u) << entry.path();
    }
  }
  EXPECT_GT(with_activity, 0u);

  // zhuanlan builds the corpus without a single error or warning.
  BuildOptions options;
  options.site_dir = dir.path() / "a/site";
  options.out_dir = dir.path() / "out";
  const BuildResult result = build_site(options);
  for (const auto& d : result.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
  ASSERT_TRUE(result.ok);
  EXPECT_EQ(count_files(options.out_dir / "news", ".html"), 60u + 3u);  // items and the 3 list pages
}

TEST(BenchScript, BuildsASmallCorpusSideBySideAndPrintsTheTable) {
  if (!fs::exists("/usr/bin/time")) GTEST_SKIP() << "/usr/bin/time is missing (scripts/install-deps test installs it)";
  testing::TempDir dir;
  const fs::path work = dir.path() / "work";
  const CommandRun bench = run(testing::source_dir().string() + "/bench/run --items 50 --runs 1 --keep --no-install" +
                               " --work " + work.string() + " --zhuanlan " + ZHUANLAN_BINARY +
                               " --make-corpus " + ZHUANLAN_MAKE_CORPUS);
  ASSERT_EQ(bench.status, 0) << bench.output;

  EXPECT_TRUE(fs::exists(work / "corpus/site/content/site.json"));
  EXPECT_TRUE(fs::exists(work / "corpus/hugo/hugo.toml"));
  EXPECT_TRUE(fs::exists(work / "out-zhuanlan/index.html"));

  // A row is: name, wall s, CPU s, peak MiB, pages, files.
  const auto row = [&](const std::string& name) {
    return std::regex(name + R"( +[0-9]+\.[0-9]{3} +[0-9]+\.[0-9]{3} +[0-9]+ +(\S+) +(\S+)\n)");
  };
  std::smatch match;
  ASSERT_TRUE(std::regex_search(bench.output, match, row("zhuanlan, clean build"))) << bench.output;
  EXPECT_GE(std::stoi(match[1]), 50 + 3);  // pages: every item and the lists
  EXPECT_TRUE(std::regex_search(bench.output, row("zhuanlan, rebuild with nothing changed"))) << bench.output;
  EXPECT_NE(bench.output.find("files changed by the rebuild: 0)"), std::string::npos) << bench.output;
  EXPECT_TRUE(std::regex_search(bench.output, row("floor: cp -r of zhuanlan output"))) << bench.output;
  // scripts/install-deps test installs both tools, so their rows are
  // required, not checked only when the tools happen to be there.
  ASSERT_TRUE(installed("cmark-gfm"));
  EXPECT_TRUE(std::regex_search(bench.output, row("floor: cmark-gfm CLI over all bodies"))) << bench.output;
  ASSERT_TRUE(installed("hugo"));
  ASSERT_TRUE(std::regex_search(bench.output, match, row("Hugo, clean build"))) << bench.output;
  EXPECT_GE(std::stoi(match[1]), 50);
  EXPECT_TRUE(fs::exists(work / "out-hugo/index.html"));
  EXPECT_TRUE(std::regex_search(bench.output, std::regex(R"(Hugo / zhuanlan: wall [0-9.]+x, CPU [0-9.]+x, peak RSS [0-9.]+x)")))
      << bench.output;
}

TEST(BenchServeScript, MeasuresSaveToReloadOnASmallCorpusAndPrintsTheTable) {
  ASSERT_TRUE(installed("hugo"));  // scripts/install-deps test installs it
  testing::TempDir dir;
  const CommandRun bench = run(testing::source_dir().string() + "/bench/serve/run --items 20 --edits 2 --pause 100" +
                               " --work " + (dir.path() / "work").string() + " --zhuanlan " + ZHUANLAN_BINARY +
                               " --make-corpus " + ZHUANLAN_MAKE_CORPUS);
  ASSERT_EQ(bench.status, 0) << bench.output;
  // items, zhuanlan median and max, Hugo median and max, the ratio.
  EXPECT_TRUE(std::regex_search(bench.output, std::regex(R"(\n +20 +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9.]+x\n)")))
      << bench.output;
  EXPECT_FALSE(fs::exists(dir.path() / "work"));  // nothing left behind
}

}  // namespace
}  // namespace zhuanlan
