// `zhuanlan check --links` against a real HTTP server on 127.0.0.1
// (tests/link_server.mjs, run with node): good, missing, redirecting, slow,
// rate-limited (429 with Retry-After) and HEAD-refusing pages.
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace zhuanlan {
namespace {

using testing::CommandRun;

std::size_t keep(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

std::string http_get(const std::string& url) {
  std::string body;
  CURL* curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  return body;
}

// The test server, for as long as the test runs.
class LinkServer {
 public:
  LinkServer() {
    const std::string command = "node " + (testing::source_dir() / "tests/link_server.mjs").string();
    pipe_ = popen(command.c_str(), "r");
    char line[32] = {};
    if (pipe_ && std::fgets(line, sizeof line, pipe_)) port_ = std::atoi(line);
  }
  ~LinkServer() {
    if (port_ > 0) http_get(url("/quit"));
    if (pipe_) pclose(pipe_);
  }
  int port() const { return port_; }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  nlohmann::json counts() const { return nlohmann::json::parse(http_get(url("/stats"))); }

 private:
  FILE* pipe_ = nullptr;
  int port_ = 0;
};

CommandRun check_links(const std::filesystem::path& site) {
  return testing::run_command(std::string(ZHUANLAN_BINARY) + " check --links --links-timeout 1 --links-pause 50 --site " +
                              site.string() + " --today 2025-05-01");
}

TEST(LinkCheck, BrokenLinksAreErrorsAtTheirLinesAndGoodOnesAreRememberedForTwoWeeks) {
  LinkServer server;
  ASSERT_GT(server.port(), 0) << "the test server did not start";
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site.path() / "content/news/a.md",
                      "---\ntitle: 甲\ndate: 2025-05-13\ndepartment: 教务处\n---\n"
                      "[好](" + server.url("/ok") + ")\n\n"
                      "[没有](" + server.url("/missing") + ")\n\n"
                      "[跳转](" + server.url("/redirect") + ")\n\n"
                      "[跳到没有](" + server.url("/redirect-missing") + ")\n\n"
                      "[慢](" + server.url("/slow") + ")\n\n"
                      "[忙](" + server.url("/busy") + ")\n\n"
                      "[不要 HEAD](" + server.url("/head-refused") + ")\n\n"
                      "[站内](../index.html) [邮件](mailto:a@example.org)\n");
  testing::write_text(site.path() / "content/media.json",
                      "[\n  {\"outlet\": \"某报\", \"level\": \"市级\", \"title\": \"报道\", \"date\": \"2025-05-13\",\n"
                      "   \"url\": \"" + server.url("/missing") + "\"}\n]\n");
  const CommandRun first = check_links(site.path());
  EXPECT_EQ(first.status, 1) << first.output;
  const std::string& out = first.output;
  EXPECT_NE(out.find("content/news/a.md 第 8 行：错误：外部链接 " + server.url("/missing") + " 页面不存在（404）"),
            std::string::npos) << out;
  EXPECT_NE(out.find("content/news/a.md 第 12 行：错误：外部链接 " + server.url("/redirect-missing") + " 页面不存在（404）"),
            std::string::npos) << out;
  EXPECT_NE(out.find("content/news/a.md 第 14 行：错误：外部链接 " + server.url("/slow") + " 超时没有响应"),
            std::string::npos) << out;
  EXPECT_NE(out.find("content/media.json 第 2 行：错误：外部链接 " + server.url("/missing")), std::string::npos) << out;
  for (const char* good : {"/ok)", "/redirect)", "/busy", "/head-refused"}) {
    EXPECT_EQ(out.find(server.url(good) + " "), std::string::npos) << good << " is fine\n" << out;
  }
  EXPECT_NE(out.find("外部链接：7 个（本次检查 7 个"), std::string::npos) << out;
  EXPECT_NE(out.find("打不开的 3 个"), std::string::npos) << out;
  EXPECT_EQ(out.find("index.html"), std::string::npos) << "internal links are not fetched";

  nlohmann::json counts = server.counts();
  EXPECT_EQ(counts.value("HEAD /ok", 0), 2) << "once itself, once at the end of /redirect";
  EXPECT_EQ(counts.value("GET /ok", 0), 0) << "HEAD was enough";
  EXPECT_EQ(counts.value("HEAD /head-refused", 0), 1);
  EXPECT_EQ(counts.value("GET /head-refused", 0), 1) << "GET after a refused HEAD";
  EXPECT_EQ(counts.value("HEAD /busy", 0), 2) << "asked again after Retry-After";

  // The second run asks only for what failed.
  const CommandRun second = check_links(site.path());
  EXPECT_NE(second.output.find("本次检查 3 个，两周内检查过且正常的 4 个"), std::string::npos) << second.output;
  const nlohmann::json after = server.counts();
  EXPECT_EQ(after.value("HEAD /ok", 0), 2) << "a success is trusted for two weeks";
  EXPECT_EQ(after.value("HEAD /head-refused", 0), 1);
  EXPECT_GT(after.value("HEAD /missing", 0), counts.value("HEAD /missing", 0)) << "a failure is always checked again";
  // Two weeks and a day later, everything is asked again.
  const CommandRun later = testing::run_command(std::string(ZHUANLAN_BINARY) +
                                                " check --links --links-timeout 1 --links-pause 50 --now 2099-01-01 --site " +
                                                site.path().string() + " --today 2025-05-01");
  EXPECT_NE(later.output.find("本次检查 7 个"), std::string::npos) << later.output;
}

TEST(LinkCheck, WithoutTheFlagNothingIsFetched) {
  LinkServer server;
  ASSERT_GT(server.port(), 0);
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site.path() / "content/news/a.md", "---\ntitle: 甲\ndate: 2025-05-13\ndepartment: 教务处\n---\n[没有](" +
                                                             server.url("/missing") + ")\n");
  const CommandRun plain = testing::run_command(std::string(ZHUANLAN_BINARY) + " check --site " + site.path().string() +
                                                " --today 2025-05-01");
  EXPECT_EQ(plain.status, 0) << plain.output;
  EXPECT_TRUE(server.counts().empty());
}

}  // namespace
}  // namespace zhuanlan
