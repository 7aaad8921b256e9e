#include "serve/file_watcher.h"

#include <gtest/gtest.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>

#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::TempDir;

// Generous: these wait for an event, they do not time anything.
constexpr auto kPatience = 20s;

bool contains(const std::vector<std::string>& changed, const std::string& path) {
  return std::find(changed.begin(), changed.end(), path) != changed.end();
}

// Waits until path is reported (other changes may come first).
bool reported(FileWatcher& watcher, const std::string& path) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (std::chrono::steady_clock::now() < deadline) {
    const WatchResult result = watcher.wait(1s);
    if (contains(result.changed, path)) return true;
  }
  return false;
}

struct Site {
  TempDir dir;
  Site() {
    testing::write_text(dir.path() / "content/site.json", "{}");
    testing::write_text(dir.path() / "content/news/2025-05-13/a.md", "a");
  }
  FileWatcher watch(WatchSettings settings = {}) {
    return FileWatcher(dir.path(), {"content", "layouts", "assets"}, settings);
  }
};

TEST(FileWatcher, ReportsAnEditedFileBySiteRelativePath) {
  Site site;
  FileWatcher watcher = site.watch();
  EXPECT_FALSE(watcher.polling());
  testing::write_text(site.dir.path() / "content/news/2025-05-13/a.md", "b");
  EXPECT_TRUE(reported(watcher, "content/news/2025-05-13/a.md"));
}

TEST(FileWatcher, WatchesFoldersMadeAfterItStarted) {
  Site site;
  FileWatcher watcher = site.watch();
  fs::create_directories(site.dir.path() / "content/news/2025-05-14");
  EXPECT_TRUE(reported(watcher, "content/news/2025-05-14"));
  testing::write_text(site.dir.path() / "content/news/2025-05-14/b.md", "b");
  EXPECT_TRUE(reported(watcher, "content/news/2025-05-14/b.md"));
  // A watched folder the site did not have.
  testing::write_text(site.dir.path() / "assets/style.css", "body{}");
  EXPECT_TRUE(reported(watcher, "assets/style.css"));
  testing::write_text(site.dir.path() / "assets/style.css", "body{color:red}");
  EXPECT_TRUE(reported(watcher, "assets/style.css"));
}

TEST(FileWatcher, IgnoresEditorScratchFiles) {
  for (const char* name : {".a.md.swp", "a.md~", "4913", "#a.md#", ".#a.md", "a.md.kate-swp"}) {
    EXPECT_TRUE(is_editor_scratch_file(name)) << name;
  }
  EXPECT_FALSE(is_editor_scratch_file("a.md"));
  Site site;
  FileWatcher watcher = site.watch();
  testing::write_text(site.dir.path() / "content/news/.a.md.swp", "x");
  testing::write_text(site.dir.path() / "content/news/2025-05-13/a.md", "c");
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  std::vector<std::string> seen;
  while (!contains(seen, "content/news/2025-05-13/a.md") && std::chrono::steady_clock::now() < deadline) {
    const WatchResult result = watcher.wait(1s);
    seen.insert(seen.end(), result.changed.begin(), result.changed.end());
  }
  EXPECT_TRUE(contains(seen, "content/news/2025-05-13/a.md"));
  EXPECT_FALSE(contains(seen, "content/news/.a.md.swp"));
}

TEST(FileWatcher, PollsWhenAskedAndSeesEditsNewFilesAndRemovals) {
  Site site;
  FileWatcher watcher = site.watch({.force_polling = true, .poll_interval = 50ms});
  EXPECT_TRUE(watcher.polling());
  EXPECT_EQ(watcher.notice(), "");
  testing::write_text(site.dir.path() / "content/news/2025-05-13/a.md", "longer text");
  EXPECT_TRUE(reported(watcher, "content/news/2025-05-13/a.md"));
  testing::write_text(site.dir.path() / "layouts/news.mustache", "x");
  EXPECT_TRUE(reported(watcher, "layouts/news.mustache"));
  fs::remove(site.dir.path() / "content/site.json");
  EXPECT_TRUE(reported(watcher, "content/site.json"));
}

TEST(FileWatcher, FallsBackToPollingWithAChineseNoticeAtTheWatchLimit) {
  Site site;
  // The site folder, content/ and content/news/ take three watches.
  FileWatcher watcher = site.watch({.poll_interval = 100ms, .watch_limit = 3});
  EXPECT_TRUE(watcher.polling());
  EXPECT_NE(watcher.notice().find("max_user_watches"), std::string::npos) << watcher.notice();
  EXPECT_NE(watcher.notice().find("改为每 0.1 秒检查一次文件"), std::string::npos) << watcher.notice();
  testing::write_text(site.dir.path() / "content/news/2025-05-13/a.md", "polled");
  EXPECT_TRUE(reported(watcher, "content/news/2025-05-13/a.md"));
}

TEST(FileWatcher, FallsBackWhenANewFolderPassesTheLimit) {
  Site site;
  FileWatcher watcher = site.watch({.poll_interval = 50ms, .watch_limit = 4});
  ASSERT_FALSE(watcher.polling());
  fs::create_directories(site.dir.path() / "content/news/2025-05-14/more");
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  std::string notice;
  while (notice.empty() && std::chrono::steady_clock::now() < deadline) notice = watcher.wait(1s).notice;
  EXPECT_NE(notice.find("max_user_watches"), std::string::npos);
  EXPECT_TRUE(watcher.polling());
  testing::write_text(site.dir.path() / "content/news/2025-05-14/more/c.md", "c");
  EXPECT_TRUE(reported(watcher, "content/news/2025-05-14/more/c.md"));
}

TEST(FileWatcher, ReturnsAtOnceWhenTheStopDescriptorIsReadable) {
  Site site;
  const int stop = ::eventfd(0, EFD_CLOEXEC);
  for (const bool poll : {false, true}) {
    FileWatcher watcher = site.watch({.force_polling = poll, .stop_fd = stop});
    const std::uint64_t one = 1;
    ASSERT_EQ(::write(stop, &one, sizeof one), static_cast<ssize_t>(sizeof one));
    EXPECT_TRUE(watcher.wait(std::nullopt).stopped);
    std::uint64_t count = 0;
    ASSERT_EQ(::read(stop, &count, sizeof count), static_cast<ssize_t>(sizeof count));
  }
  ::close(stop);
}

}  // namespace
}  // namespace zhuanlan
