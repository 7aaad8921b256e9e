// `zhuanlan serve` as users run it: a child process on a free port, pages
// fetched over HTTP, edits made to the site's files, and the events an
// open page would get.
#include <gtest/gtest.h>
#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>

#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::TempDir;

// Generous: every wait here ends as soon as its condition holds.
constexpr auto kPatience = 60s;

std::string news(const std::string& title, const std::string& date, const std::string& body) {
  return "---\ntitle: " + title + "\ndate: " + date + "\ndepartment: 教务处\n---\n" + body + "\n";
}

// zhuanlan serve --site <site> --port 0 <extra>, its output collected.
class ServeProcess {
 public:
  explicit ServeProcess(const fs::path& site, std::vector<std::string> extra = {}) {
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::dup2(pipe_fds[1], STDERR_FILENO);
      ::close(pipe_fds[0]);
      ::close(pipe_fds[1]);
      std::vector<std::string> arguments = {ZHUANLAN_BINARY, "serve", "--site", site.string(), "--port", "0"};
      arguments.insert(arguments.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (std::string& argument : arguments) argv.push_back(argument.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    output_fd_ = pipe_fds[0];
  }
  ~ServeProcess() {
    if (pid_ > 0) stop();
    if (output_fd_ >= 0) ::close(output_fd_);
  }

  // Reads output until it holds text (true) or the process ends or time runs out.
  bool wait_for_output(const std::string& text) {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (output_.find(text, 0) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd fd{output_fd_, POLLIN, 0};
      if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) return false;
      char buffer[4096];
      const ssize_t n = ::read(output_fd_, buffer, sizeof buffer);
      if (n <= 0) return false;
      output_.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
  }

  // The port from "预览地址：http://127.0.0.1:<port>/zjz2025/", 0 when none was printed.
  int port() {
    if (!wait_for_output("预览地址：")) return 0;
    wait_for_output("\n");
    std::smatch match;
    static const std::regex address(R"(预览地址：http://127\.0\.0\.1:(\d+)/zjz2025/\n)");
    if (!wait_for_output("Ctrl+C") || !std::regex_search(output_, match, address)) return 0;
    return std::stoi(match[1]);
  }

  // Ctrl+C; the exit status.
  int stop() {
    ::kill(pid_, SIGINT);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    char buffer[4096];
    for (ssize_t n; (n = ::read(output_fd_, buffer, sizeof buffer)) > 0;) output_.append(buffer, static_cast<std::size_t>(n));
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  // Waits for the process to end by itself; the exit status.
  int wait_exit() {
    wait_for_output("\x04");  // reads until the output closes
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  const std::string& output() const { return output_; }

 private:
  pid_t pid_ = -1;
  int output_fd_ = -1;
  std::string output_;
};

struct Page {
  int status = 0;
  std::string body;
  std::string session, build;  // from the reload script's tag
};

Page fetch(int port, const std::string& path) {
  httplib::Client client("127.0.0.1", port);
  const auto response = client.Get(path);
  Page page;
  if (!response) return page;
  page.status = response->status;
  page.body = response->body;
  std::smatch match;
  static const std::regex tag(R"re(data-session="([0-9a-f]+)" data-build="(\d+)")re");
  if (std::regex_search(page.body, match, tag)) {
    page.session = match[1];
    page.build = match[2];
  }
  return page;
}

std::string events_path(const Page& page) {
  return "/__zhuanlan/events?session=" + page.session + "&build=" + page.build;
}

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    testing::write_text(site_.path() / "content/news/a.md", news("第一条", "2025-05-13 09:00", "最初的正文。"));
  }
  void edit_news(const std::string& date, const std::string& body) {
    testing::write_text(site_.path() / "content/news/a.md", news("第一条", date, body));
  }
  TempDir site_;
};

TEST_F(ServeTest, AnEditIsServedBeforeOpenPagesAreToldToReload) {
  ServeProcess serve(site_.path());
  const int port = serve.port();
  ASSERT_GT(port, 0) << serve.output();
  const Page before = fetch(port, "/zjz2025/news/a.html");
  ASSERT_EQ(before.status, 200);
  EXPECT_NE(before.body.find("最初的正文"), std::string::npos);
  ASSERT_FALSE(before.session.empty()) << before.body;

  testing::EventStream events(port, events_path(before));
  edit_news("2025-05-13 09:00", "改过的正文。");
  const auto reload = events.next("reload");
  ASSERT_TRUE(reload) << serve.output();
  EXPECT_NE(reload->find("\"kind\":\"page\""), std::string::npos) << *reload;
  // Told only once the new page is in place.
  const Page after = fetch(port, "/zjz2025/news/a.html");
  EXPECT_NE(after.body.find("改过的正文"), std::string::npos);
  EXPECT_NE(after.build, before.build);
  EXPECT_TRUE(serve.wait_for_output("已更新")) << serve.output();

  EXPECT_EQ(serve.stop(), 0) << serve.output();
  EXPECT_NE(serve.output().find("预览已停止"), std::string::npos) << serve.output();
  EXPECT_FALSE(fs::exists(site_.path() / "public"));  // only its private folder
  EXPECT_TRUE(fs::exists(site_.path() / ".zhuanlan-cache/serve/site/news/a.html"));
  EXPECT_EQ(testing::read_text(site_.path() / ".zhuanlan-cache/serve/site/news/a.html").find("__zhuanlan"),
            std::string::npos);
}

TEST_F(ServeTest, AFailedRebuildShowsTheTerminalsLinesAndKeepsTheLastGoodPages) {
  ServeProcess serve(site_.path());
  const int port = serve.port();
  ASSERT_GT(port, 0) << serve.output();
  const Page good = fetch(port, "/zjz2025/news/a.html");
  testing::EventStream events(port, events_path(good));

  edit_news("2025-05-45", "坏日期。");
  const auto errors = events.next("errors");
  ASSERT_TRUE(errors) << serve.output();
  const std::string line = "content/news/a.md 第 3 行：错误：日期“2025-05-45”不存在";
  EXPECT_NE(errors->find(line), std::string::npos) << *errors;
  EXPECT_TRUE(serve.wait_for_output("生成失败")) << serve.output();
  EXPECT_NE(serve.output().find(line), std::string::npos) << serve.output();
  const Page still = fetch(port, "/zjz2025/news/a.html");
  EXPECT_EQ(still.status, 200);
  EXPECT_NE(still.body.find("最初的正文"), std::string::npos);

  // A page opened now learns of the problem at once.
  testing::EventStream late(port, events_path(still));
  EXPECT_TRUE(late.next("errors"));

  edit_news("2025-05-13 09:00", "修好了。");
  EXPECT_TRUE(events.next("reload")) << serve.output();
  EXPECT_NE(fetch(port, "/zjz2025/news/a.html").body.find("修好了"), std::string::npos);
}

TEST_F(ServeTest, ASiteThatDoesNotBuildYetIsServedOnceFixed) {
  edit_news("2025-05-45", "坏日期。");
  ServeProcess serve(site_.path());
  const int port = serve.port();
  ASSERT_GT(port, 0) << serve.output();
  EXPECT_NE(serve.output().find("生成失败"), std::string::npos) << serve.output();
  const Page waiting = fetch(port, "/zjz2025/news/a.html");
  EXPECT_EQ(waiting.status, 404);
  EXPECT_NE(waiting.body.find("网站还没有生成成功"), std::string::npos) << waiting.body;
  testing::EventStream events(port, events_path(waiting));
  EXPECT_TRUE(events.next("errors"));
  edit_news("2025-05-13 09:00", "第一次生成成功。");
  ASSERT_TRUE(events.next("reload")) << serve.output();
  const Page built = fetch(port, "/zjz2025/news/a.html");
  EXPECT_EQ(built.status, 200);
  EXPECT_NE(built.body.find("第一次生成成功"), std::string::npos);
}

TEST_F(ServeTest, AStylesheetOnlyChangeSwapsStylesInsteadOfReloading) {
  testing::write_text(site_.path() / "assets/style.css", "body { color: #111; }\n");
  ServeProcess serve(site_.path());
  const int port = serve.port();
  ASSERT_GT(port, 0) << serve.output();
  const Page page = fetch(port, "/zjz2025/index.html");
  testing::EventStream events(port, events_path(page));
  testing::write_text(site_.path() / "assets/style.css", "body { color: #222; }\n");
  const auto reload = events.next("reload");
  ASSERT_TRUE(reload) << serve.output();
  EXPECT_NE(reload->find("\"kind\":\"css\""), std::string::npos) << *reload;
}

TEST_F(ServeTest, PollingRebuildsToo) {
  ServeProcess serve(site_.path(), {"--poll"});
  const int port = serve.port();
  ASSERT_GT(port, 0) << serve.output();
  EXPECT_NE(serve.output().find("--poll"), std::string::npos) << serve.output();
  testing::EventStream events(port, events_path(fetch(port, "/zjz2025/news/a.html")));
  edit_news("2025-05-13 09:00", "轮询看到的修改。");
  ASSERT_TRUE(events.next("reload")) << serve.output();
  EXPECT_NE(fetch(port, "/zjz2025/news/a.html").body.find("轮询看到的修改"), std::string::npos);
}

TEST_F(ServeTest, DraftsAreShownAndMarkedOnlyWithDrafts) {
  testing::write_text(site_.path() / "content/news/b.md",
                      "---\ntitle: 草拟中\ndate: 2025-05-14\ndepartment: 教务处\ndraft: true\n---\n未审。\n");
  {
    ServeProcess serve(site_.path());
    const int port = serve.port();
    ASSERT_GT(port, 0) << serve.output();
    EXPECT_EQ(fetch(port, "/zjz2025/news/b.html").status, 404);
  }
  ServeProcess serve(site_.path(), {"--drafts"});
  const int port = serve.port();
  ASSERT_GT(port, 0) << serve.output();
  EXPECT_NE(serve.output().find("草稿"), std::string::npos) << serve.output();
  const Page draft = fetch(port, "/zjz2025/news/b.html");
  EXPECT_EQ(draft.status, 200);
  EXPECT_NE(draft.body.find("<span class=\"badge badge-draft\">草稿</span>草拟中"), std::string::npos);
}

TEST_F(ServeTest, ASecondPreviewOfTheSameSiteIsRefused) {
  ServeProcess first(site_.path());
  ASSERT_GT(first.port(), 0) << first.output();
  ServeProcess second(site_.path());
  EXPECT_EQ(second.wait_exit(), 1);
  EXPECT_NE(second.output().find("已经有一个预览"), std::string::npos) << second.output();
}

TEST(Serve, WithoutASiteSaysWhereToRunIt) {
  TempDir empty;
  ServeProcess serve(empty.path());
  EXPECT_EQ(serve.wait_exit(), 1);
  EXPECT_NE(serve.output().find("content/site.json"), std::string::npos) << serve.output();
}

}  // namespace
}  // namespace zhuanlan
