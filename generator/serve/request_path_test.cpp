#include "serve/request_path.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// A built site in <tmp>/site with a secret beside it.
struct ServedFolder {
  TempDir dir;
  fs::path site = dir.path() / "site";
  ServedFolder() {
    testing::write_text(site / "index.html", "home");
    testing::write_text(site / "news/index.html", "news");
    testing::write_text(site / "news/a.html", "a");
    testing::write_text(site / ".zhuanlan-output", "marker");
    testing::write_text(dir.path() / "secret.txt", "secret");
  }
  RequestTarget get(std::string_view path, std::string_view base = "/zjz2025/") const {
    return resolve_request(path, base, site);
  }
};

TEST(RequestPath, FilesAndFolderIndexesUnderTheBasePath) {
  ServedFolder folder;
  EXPECT_EQ(folder.get("/zjz2025/news/a.html").kind, RequestKind::file);
  EXPECT_EQ(folder.get("/zjz2025/news/a.html").file, folder.site / "news/a.html");
  EXPECT_EQ(folder.get("/zjz2025/").file, folder.site / "index.html");
  EXPECT_EQ(folder.get("/zjz2025/news/").file, folder.site / "news/index.html");
  EXPECT_EQ(folder.get("/news/a.html", "/").file, folder.site / "news/a.html");
  EXPECT_EQ(folder.get("/", "/").file, folder.site / "index.html");
}

TEST(RequestPath, RootAndFoldersWithoutSlashRedirect) {
  ServedFolder folder;
  for (const std::string_view path : {"/", "/zjz2025"}) {
    const RequestTarget target = folder.get(path);
    EXPECT_EQ(target.kind, RequestKind::redirect) << path;
    EXPECT_EQ(target.location, "/zjz2025/") << path;
  }
  const RequestTarget news = folder.get("/zjz2025/news");
  EXPECT_EQ(news.kind, RequestKind::redirect);
  EXPECT_EQ(news.location, "/zjz2025/news/");
}

TEST(RequestPath, MissingPagesAndOtherPathsAreNotFound) {
  ServedFolder folder;
  EXPECT_EQ(folder.get("/zjz2025/news/b.html").kind, RequestKind::not_found);
  EXPECT_EQ(folder.get("/other/index.html").kind, RequestKind::not_found);
  EXPECT_EQ(folder.get("/zjz2025x/index.html").kind, RequestKind::not_found);
}

TEST(RequestPath, RefusesEveryWayOutOfTheFolder) {
  ServedFolder folder;
  for (const std::string_view path :
       {"/zjz2025/../secret.txt", "/zjz2025/news/../../secret.txt", "/zjz2025/./index.html", "/zjz2025/news//a.html",
        "/zjz2025/.zhuanlan-output", "/zjz2025/..\\secret.txt"}) {
    EXPECT_EQ(folder.get(path).kind, RequestKind::refused) << path;
  }
  EXPECT_EQ(folder.get(std::string_view("/zjz2025/index.html\0.txt", 25)).kind, RequestKind::refused);
}

TEST(RequestPath, RefusesSymbolicLinksThatLeadOut) {
  ServedFolder folder;
  fs::create_symlink(folder.dir.path() / "secret.txt", folder.site / "leak.txt");
  fs::create_directory_symlink(folder.dir.path(), folder.site / "up");
  fs::create_symlink(folder.site / "news/a.html", folder.site / "inside.html");
  EXPECT_EQ(folder.get("/zjz2025/leak.txt").kind, RequestKind::refused);
  EXPECT_EQ(folder.get("/zjz2025/up/secret.txt").kind, RequestKind::refused);
  EXPECT_EQ(folder.get("/zjz2025/inside.html").kind, RequestKind::file);
}

}  // namespace
}  // namespace zhuanlan
