#include "serve/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <map>

#include "serve/reload_script.h"
#include "test_support.h"
#include "util/files.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// A running server on a free port of 127.0.0.1.
struct Running {
  ReloadHub hub{"test-session"};
  PreviewServer server;
  explicit Running(const fs::path& folder, const std::string& base = "/zjz2025/")
      : server({folder, base, "127.0.0.1", 0}, hub) {
    hub.built(ChangeKind::page);
    std::string error;
    if (!server.bind(&error)) throw std::runtime_error(error);
    server.start();
  }
  ~Running() {
    hub.close();
    server.stop();
  }
  // Sends the path exactly as written: no encoding, no "../" resolved.
  httplib::Result get(const std::string& path, httplib::Headers headers = {}) {
    httplib::Client client("127.0.0.1", server.port());
    client.set_url_encode(false);
    return client.Get(path, headers);
  }
};

// The demo site as `zhuanlan build` wrote it (the fixture demo_site_build).
TEST(PreviewServerDemo, ServesEveryKindOfFileWithItsContentType) {
  const fs::path& site = testing::demo_site_output();
  Running running(site);
  const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},             {".jpg", "image/jpeg"},  {".webp", "image/webp"},
      {".xml", "application/xml"},           {".csv", "text/csv; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
  std::map<std::string, std::string> one_of_each;  // extension -> site-relative path
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    const std::string extension = entry.path().extension().string();
    if (entry.is_regular_file() && types.count(extension) && !one_of_each.count(extension)) {
      one_of_each[extension] = entry.path().lexically_relative(site).generic_string();
    }
  }
  ASSERT_EQ(one_of_each.size(), types.size());
  for (const auto& [extension, path] : one_of_each) {
    const auto response = running.get("/zjz2025/" + path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 200) << path;
    EXPECT_EQ(response->get_header_value("Content-Type"), types.at(extension)) << path;
    if (extension != ".html") {
      EXPECT_EQ(response->body, *read_file(site / path)) << path;
    }
  }
}

TEST(PreviewServerDemo, EveryPageTypeIsServedWithTheReloadScriptThatTheBuildLacks) {
  const fs::path& site = testing::demo_site_output();
  Running running(site);
  // One page of each folder of the site (each kind of page has its own).
  std::map<std::string, std::string> pages;
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
    const std::string path = entry.path().lexically_relative(site).generic_string();
    const std::string folder = path.find('/') == std::string::npos ? path : path.substr(0, path.find('/'));
    pages.emplace(folder, path);
    EXPECT_EQ(read_file(entry.path())->find("__zhuanlan"), std::string::npos) << "build output has the script: " << path;
  }
  EXPECT_GE(pages.size(), 8u);
  for (const auto& [folder, path] : pages) {
    const auto response = running.get("/zjz2025/" + path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 200) << path;
    EXPECT_NE(response->body.find("<script src=\"/__zhuanlan/live-reload.js\" data-session=\"test-session\" "
                                  "data-build=\"1\" defer></script></body>"),
              std::string::npos)
        << path;
  }
  const auto index = running.get("/zjz2025/news/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("live-reload.js"), std::string::npos);
  const auto script = running.get(std::string(kReloadScriptPath));
  ASSERT_TRUE(script);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script->body, reload_script());
}

TEST(PreviewServerDemo, MissingPagesGetTheSites404PageWithStatus404) {
  const fs::path& site = testing::demo_site_output();
  Running running(site);
  for (const std::string path : {"/zjz2025/news/no-such-item.html", "/zjz2025/no/such/folder/", "/elsewhere.html"}) {
    const auto response = running.get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
    EXPECT_EQ(response->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(response->body, with_reload_script(*read_file(site / "404.html"), "test-session", 1)) << path;
  }
}

TEST(PreviewServer, RootAndFoldersWithoutSlashRedirect) {
  TempDir dir;
  testing::write_text(dir.path() / "index.html", "<body>home</body>");
  testing::write_text(dir.path() / "news/index.html", "<body>news</body>");
  Running running(dir.path());
  for (const auto& [path, location] : std::map<std::string, std::string>{
           {"/", "/zjz2025/"}, {"/zjz2025", "/zjz2025/"}, {"/zjz2025/news", "/zjz2025/news/"}}) {
    const auto response = running.get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 302) << path;
    EXPECT_EQ(response->get_header_value("Location"), location) << path;
  }
}

TEST(PreviewServer, RefusesPathsOutOfTheFolderPlainEncodedOrThroughLinks) {
  TempDir dir;
  testing::write_text(dir.path() / "secret.txt", "SECRET");
  testing::write_text(dir.path() / "site/index.html", "<body>home</body>");
  testing::write_text(dir.path() / "site/404.html", "<body>not here</body>");
  fs::create_symlink(dir.path() / "secret.txt", dir.path() / "site/leak.txt");
  fs::create_directory_symlink(dir.path(), dir.path() / "site/up");
  Running running(dir.path() / "site");
  for (const std::string path :
       {"/zjz2025/../secret.txt", "/zjz2025/%2e%2e/secret.txt", "/zjz2025/%2E%2E%2Fsecret.txt",
        "/zjz2025/..%5csecret.txt", "/zjz2025/leak.txt", "/zjz2025/up/secret.txt", "/zjz2025/%2e%2e/site/index.html",
        "/zjz2025/.%2e/secret.txt"}) {
    const auto response = running.get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
    EXPECT_EQ(response->body.find("SECRET"), std::string::npos) << path;
    EXPECT_NE(response->body.find("not here"), std::string::npos) << path;
  }
}

TEST(PreviewServer, RefusesRequestsForOtherHostNames) {
  TempDir dir;
  testing::write_text(dir.path() / "index.html", "<body>draft</body>");
  Running running(dir.path());
  const auto other = running.get("/zjz2025/", {{"Host", "attacker.example:" + std::to_string(running.server.port())}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
  EXPECT_EQ(other->body.find("draft"), std::string::npos);
  const auto local = running.get("/zjz2025/", {{"Host", "localhost:" + std::to_string(running.server.port())}});
  ASSERT_TRUE(local);
  EXPECT_EQ(local->status, 200);
}

TEST(PreviewServer, ASecondServerCannotTakeTheSamePort) {
  TempDir dir;
  Running running(dir.path());
  ReloadHub hub("other");
  PreviewServer second({dir.path(), "/zjz2025/", "127.0.0.1", running.server.port()}, hub);
  std::string error;
  EXPECT_FALSE(second.bind(&error));
  EXPECT_NE(error.find("--port"), std::string::npos) << error;
}

TEST(PreviewServer, EventsTellAPageWhereThingsStandAndWhatChanges) {
  TempDir dir;
  testing::write_text(dir.path() / "index.html", "<body>home</body>");
  Running running(dir.path());
  {
    // A page of an earlier run of serve reloads at once.
    testing::EventStream stale(running.server.port(), "/__zhuanlan/events?session=old&build=1");
    EXPECT_EQ(stale.next("reload"), "{\"build\":1,\"kind\":\"page\"}");
  }
  testing::EventStream events(running.server.port(), "/__zhuanlan/events?session=test-session&build=1");
  running.hub.failed({"content/news/a.md 第 3 行：错误：<b>不对</b>"});
  EXPECT_EQ(events.next("errors"), "{\"lines\":[\"content/news/a.md 第 3 行：错误：<b>不对</b>\"]}");
  running.hub.built(ChangeKind::css);
  EXPECT_EQ(events.next("reload"), "{\"build\":2,\"kind\":\"css\"}");
  running.hub.built(ChangeKind::page);
  EXPECT_EQ(events.next("reload"), "{\"build\":3,\"kind\":\"page\"}");
}

}  // namespace
}  // namespace zhuanlan
