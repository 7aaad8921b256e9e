// The zhuanlan program as users run it: exit status and Chinese messages.
#include <gtest/gtest.h>

#include <chrono>

#include "test_support.h"

namespace zhuanlan {
namespace {

using testing::CommandRun;

// zhuanlan with these arguments.
CommandRun run(const std::string& arguments) {
  return testing::run_command(std::string(ZHUANLAN_BINARY) + " " + arguments);
}

TEST(Cli, BrokenSiteExitsNonZeroListingEveryProblemInChinese) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site.path() / "content/news/a.md", "---\ntitle: 甲\ndate: 2025-13-01\ndepartment: 教务处\n---\n");
  testing::write_text(site.path() / "content/news/b.md", "---\ndate: 2025-05-13\ndepartment: 教务处\n---\n");
  const CommandRun result = run("build --site " + site.path().string());
  EXPECT_EQ(result.status, 1) << result.output;
  EXPECT_NE(result.output.find("content/news/a.md 第 3 行：错误："), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("content/news/b.md 第 1 行：错误：缺少必填字段 title"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("构建失败：共 2 个错误"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(site.path() / "public"));
}

TEST(Cli, GoodSiteBuildsAndSaysWhereItWent) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  const CommandRun result = run("build --site " + site.path().string() + " --base-url https://example.org/x/");
  EXPECT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("构建完成"), std::string::npos) << result.output;
  EXPECT_NE(testing::read_text(site.path() / "public/index.html").find("https://example.org/x/"), std::string::npos);
}

TEST(Cli, RebuildWithNothingChangedSaysSoInChinese) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site.path() / "content/news/a.md", "---\ntitle: 甲\ndate: 2025-05-13\ndepartment: 教务处\n---\n正文。\n");
  for (const char* file : {"content/site.json", "content/news/a.md"}) {  // as if saved an hour ago
    std::filesystem::last_write_time(site.path() / file,
                                     std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  }
  const CommandRun first = run("build --site " + site.path().string());
  ASSERT_EQ(first.status, 0) << first.output;
  EXPECT_NE(first.output.find("构建完成"), std::string::npos) << first.output;
  const CommandRun again = run("build --site " + site.path().string());
  EXPECT_EQ(again.status, 0) << again.output;
  EXPECT_NE(again.output.find("都没有变化"), std::string::npos) << again.output;
  EXPECT_NE(again.output.find("本次没有写入任何文件"), std::string::npos) << again.output;
  const CommandRun full = run("build --full --site " + site.path().string());
  EXPECT_NE(full.output.find("构建完成"), std::string::npos) << full.output;
}

TEST(Cli, MissingSiteJsonIsExplained) {
  testing::TempDir site;
  const CommandRun result = run("build --site " + site.path().string());
  EXPECT_EQ(result.status, 1);
  EXPECT_NE(result.output.find("content/site.json"), std::string::npos) << result.output;
}

// The safety net in main(): whatever escapes the diagnostics (here a
// filesystem error from the standard library: the site folder is a link to
// itself) ends in a Chinese message and exit status 1, not in
// std::terminate's abort. Should this case get a message of its own, pick
// another error that nothing else reports.
TEST(Cli, AnUnexpectedLibraryErrorIsAChineseMessageAndExitStatusOneNotAnAbort) {
  testing::TempDir dir;
  std::filesystem::create_symlink("loop", dir.path() / "loop");
  const CommandRun result = run("build --site " + (dir.path() / "loop").string());
  EXPECT_EQ(result.status, 1) << result.output;  // an abort is 134
  EXPECT_NE(result.output.find("出错了：程序遇到意外的问题而停止，网站没有更新。请把下面这行说明发给技术人员："),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("Too many levels of symbolic links"), std::string::npos) << result.output;
}

// Memory running out: the allocator (mimalloc) would abort with no word;
// the program says what happened and exits with status 1. A sparse 6 GB
// news file is read whole while the address space is limited to 2 GB.
TEST(Cli, RunningOutOfMemoryIsAChineseMessageAndExitStatusOne) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site.path() / "content/news/huge.md", "");
  std::filesystem::resize_file(site.path() / "content/news/huge.md", 6ull << 30);
  const CommandRun result =
      testing::run_command("ulimit -v 2000000 && " + std::string(ZHUANLAN_BINARY) + " build --site " + site.path().string());
  EXPECT_EQ(result.status, 1) << result.output;
  EXPECT_NE(result.output.find("出错了：内存不够，程序已停止，网站没有更新。"), std::string::npos) << result.output;
  EXPECT_FALSE(std::filesystem::exists(site.path() / "public"));
}

}  // namespace
}  // namespace zhuanlan
