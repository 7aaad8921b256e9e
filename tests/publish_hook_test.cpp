// The post-receive template (scripts/ci-templates/post-receive) end to end:
// a bare repository in a temporary folder with the hook installed, content
// pushed to it, and the hook building and deploying to a WebDAV server on
// 127.0.0.1 (tests/deploy_servers.h).
#include <gtest/gtest.h>

#include "deploy/remote_manifest.h"
#include "deploy_servers.h"
#include "test_support.h"
#include "write/staged_output.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

std::string shell_quoted(const fs::path& path) { return "'" + path.string() + "'"; }

class PublishHook : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ = testing::TestServer::start(testing::ServerKind::webdav, &error);
    ASSERT_TRUE(server_) << error;
    const fs::path root = tmp_.path();
    fs::create_directories(root / "home");
    ASSERT_EQ(run_command("git init -q --bare -b main " + shell_quoted(root / "zjz.git")).status, 0);
    fs::copy_file(testing::source_dir() / "scripts/ci-templates/post-receive", root / "zjz.git/hooks/post-receive");
    fs::permissions(root / "zjz.git/hooks/post-receive", fs::perms::owner_all, fs::perm_options::add);
    // The secrets file of the account that runs git, as the template says.
    testing::write_text(root / "deploy.env", "ZHUANLAN_DEPLOY_PASSWORD=" + server_->secret() + "\n");
    ASSERT_EQ(run_command("git init -q -b main " + shell_quoted(root / "work")).status, 0);
    const fs::path work = root / "work";
    testing::write_text(work / "content/site.json", testing::minimal_site_json(server_->deploy_json("site")));
    testing::write_text(work / "content/news/one.md",
                        "---\ntitle: 第一条\ndate: 2025-05-12 09:00\ndepartment: 教务处\n---\n正文。\n");
    testing::write_text(work / "content/news/two.md",
                        "---\ntitle: 第二条\ndate: 2025-05-13 09:00\ndepartment: 教务处\n---\n正文。\n");
  }

  // Commits everything in the working copy and pushes it; what git printed,
  // the hook's lines ("remote: …") among them.
  testing::CommandRun commit_and_push(const std::string& message) {
    const fs::path root = tmp_.path();
    const std::string env = "HOME=" + shell_quoted(root / "home") + " ZHUANLAN=" + shell_quoted(ZHUANLAN_BINARY) +
                            " ZHUANLAN_SECRETS_FILE=" + shell_quoted(root / "deploy.env") + " ";
    return run_command("cd " + shell_quoted(root / "work") + " && git add -A && git -c user.name=测试 -c user.email=t@example.invalid commit -q -m '" +
                       message + "' && " + env + "git push -q " + shell_quoted(root / "zjz.git") + " main");
  }

  std::map<std::string, std::string> published() const {
    auto files = testing::read_tree(tmp_.path() / "zjz-publish/public");
    files.erase(StagedOutput::kMarker);
    return files;
  }

  std::map<std::string, std::string> on_server() const {
    auto files = server_->files("site");
    files.erase(kRemoteManifestName);
    return files;
  }

  testing::TempDir tmp_;
  std::unique_ptr<testing::TestServer> server_;
};

TEST_F(PublishHook, PushBuildsAndDeploysAndTheNextPushRemovesWhatIsGone) {
  const testing::CommandRun first = commit_and_push("第一次发布");
  ASSERT_EQ(first.status, 0) << first.output;
  EXPECT_NE(first.output.find("发布完成"), std::string::npos) << first.output;
  EXPECT_EQ(first.output.find(server_->secret()), std::string::npos);
  ASSERT_TRUE(fs::exists(tmp_.path() / "zjz-publish/public/news/two.html"));
  EXPECT_EQ(on_server(), published());

  fs::remove(tmp_.path() / "work/content/news/two.md");
  const testing::CommandRun second = commit_and_push("删除第二条");
  ASSERT_EQ(second.status, 0) << second.output;
  EXPECT_FALSE(fs::exists(tmp_.path() / "zjz-publish/content/news/two.md"));
  EXPECT_FALSE(fs::exists(tmp_.path() / "zjz-publish/public/news/two.html"));
  EXPECT_EQ(on_server().count("news/two.html"), 0u);
  EXPECT_EQ(on_server(), published());
}

}  // namespace
}  // namespace zhuanlan
