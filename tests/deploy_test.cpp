// zhuanlan deploy against real servers on 127.0.0.1 (tests/deploy_servers.h):
// SFTP (sshd), FTP and FTPS (pure-ftpd), WebDAV over HTTP and HTTPS (nginx)
// and S3 (s3rver). Each test builds a small site and deploys it into a
// folder of a server it starts itself.
#include <gtest/gtest.h>

#include "deploy/deploy_run.h"
#include "deploy/remote_manifest.h"
#include "deploy/transport.h"
#include "deploy_servers.h"
#include "test_support.h"
#include "util/hash.h"
#include "write/build_site.h"
#include "write/staged_output.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::ServerKind;
using testing::TestServer;
// Path -> SHA-256 of the bytes: compared, and printed when they differ.
using Files = std::map<std::string, std::string>;

Files hashed(const std::map<std::string, std::string>& files) {
  Files out;
  for (const auto& [path, bytes] : files) out[path] = sha256_hex(bytes).substr(0, 12);
  return out;
}

std::string news(const std::string& title, const std::string& date, const std::string& body) {
  return "---\ntitle: " + title + "\ndate: " + date + "\ndepartment: 教务处\n---\n" + body + "\n";
}

std::string messages(const DeployResult& result) {
  std::string text;
  for (const auto& d : result.diagnostics.items) text += format_diagnostic(d) + "\n";
  return text;
}

class Deploy : public ::testing::TestWithParam<ServerKind> {
 protected:
  void SetUp() override {
    std::string error;
    server_ = TestServer::start(GetParam(), &error);
    ASSERT_TRUE(server_) << error;
    site_ = tmp_.path() / "site";
    out_ = tmp_.path() / "public";
    testing::write_text(site_ / "content/site.json", testing::minimal_site_json(server_->deploy_json("site")));
    testing::write_image(site_ / "content/images/a.jpg");
    testing::write_text(site_ / "content/news/one.md",
                        news("第一条", "2025-05-12 09:00", "正文第一段。\n\n![比赛现场](../images/a.jpg)"));
    testing::write_text(site_ / "content/news/two.md", news("第二条", "2025-05-13 10:00", "第二条的正文。"));
    testing::write_text(site_ / "content/news/three.md", news("第三条", "2025-05-14 10:00", "第三条的正文。"));
    testing::write_text(site_ / "content/pages/about.md", "---\ntitle: 关于\n---\n关于本专栏。\n");
    build();
  }

  void build() {
    BuildOptions options;
    options.site_dir = site_;
    options.out_dir = out_;
    const BuildResult result = build_site(options);
    for (const auto& d : result.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
    ASSERT_TRUE(result.ok);
  }

  DeployResult deploy(DeployOptions options = {}, bool right_credentials = true) {
    options.site_dir = site_;
    options.out_dir = out_;
    const auto env = server_->environment(right_credentials);
    options.getenv = [env](const char* name) { return testing::lookup(env, name); };
    DeployResult result = run_deploy(options);
    // The secret is in no message.
    EXPECT_EQ(messages(result).find(server_->secret()), std::string::npos) << messages(result);
    return result;
  }

  DeployResult deployed(DeployOptions options = {}) {
    DeployResult result = deploy(options);
    EXPECT_TRUE(result.ok) << messages(result);
    return result;
  }

  // The built site as it should be on the server.
  Files built() const {
    Files files = hashed(testing::read_tree(out_));
    files.erase(StagedOutput::kMarker);
    return files;
  }

  // What the server has, without the manifest.
  Files remote() const {
    Files files = hashed(server_->files("site"));
    files.erase(kRemoteManifestName);
    return files;
  }

  RemoteManifest manifest() const {
    const Files files = server_->files("site");
    const auto it = files.find(kRemoteManifestName);
    if (it == files.end()) return {};
    EXPECT_EQ(it->second.find(server_->secret()), std::string::npos);
    std::string error;
    const auto parsed = parse_manifest(it->second, &error);
    EXPECT_TRUE(parsed) << error;
    return parsed.value_or(RemoteManifest{});
  }

  // A transport of the server's site folder, with the right credentials.
  struct Connection {
    DeployTarget target;
    DeploySecrets secrets;
    std::unique_ptr<Transport> transport;
  };
  std::unique_ptr<Connection> connect() const {
    auto connection = std::make_unique<Connection>();
    std::string error;
    const auto target = parse_deploy_target(server_->deploy_url("site"), server_->endpoint(), "us-east-1", &error);
    EXPECT_TRUE(target) << error;
    connection->target = target.value_or(DeployTarget{});
    const auto env = server_->environment();
    connection->secrets = deploy_secrets([&](const char* name) { return testing::lookup(env, name); });
    connection->transport = make_transport(connection->target, connection->secrets);
    return connection;
  }

  // Puts a file on the server the way another person would: straight
  // through the protocol, without zhuanlan's manifest.
  void put_foreign(const std::string& path, const std::string& bytes) {
    const auto connection = connect();
    if (connection->target.protocol == DeployProtocol::webdav) {
      ASSERT_TRUE(connection->transport->make_folders({"notices/"}).ok());
    }
    const TransferResult put = connection->transport->put(path, UploadBody{bytes, sha256_hex(bytes)});
    ASSERT_TRUE(put.ok()) << put.message;
  }

  testing::TempDir tmp_;
  std::unique_ptr<TestServer> server_;
  fs::path site_, out_;
};

TEST_P(Deploy, FirstDeployEqualsTheBuildAndTheNextSendsOnlyChangedFiles) {
  const DeployResult first = deployed();
  EXPECT_TRUE(first.first_deploy);
  const Files v1 = built();
  EXPECT_EQ(remote(), v1);
  EXPECT_EQ(first.uploaded, v1.size());
  EXPECT_EQ(manifest().size(), v1.size());

  server_->age_files("site");
  testing::write_text(site_ / "content/news/two.md", news("第二条", "2025-05-13 10:00", "改过的正文。"));
  build();
  const Files v2 = built();
  std::set<std::string> changed;
  for (const auto& [path, bytes] : v2) {
    if (v1.count(path) == 0 || v1.at(path) != bytes) changed.insert(path);
  }
  ASSERT_FALSE(changed.empty());
  ASSERT_LT(changed.size(), v2.size() / 2);
  const DeployResult second = deployed();
  EXPECT_FALSE(second.first_deploy);
  EXPECT_EQ(second.uploaded, changed.size());
  EXPECT_EQ(remote(), v2);
  std::set<std::string> written = server_->files_written_since_aged("site");
  EXPECT_EQ(written.erase(kRemoteManifestName), 1u);
  EXPECT_EQ(written, changed);

  server_->age_files("site");
  const DeployResult third = deployed();
  EXPECT_EQ(third.uploaded + third.deleted, 0u);
  EXPECT_TRUE(server_->files_written_since_aged("site").empty());
}

TEST_P(Deploy, RemovesPagesThatAreGoneAndLeavesForeignFilesAlone) {
  deployed();
  put_foreign("notices/old-notice.html", "<p>网络中心的通知</p>");
  put_foreign("google1234.html", "verification");
  fs::remove(site_ / "content/news/three.md");
  build();
  ASSERT_FALSE(fs::exists(out_ / "news/three.html"));
  const DeployResult result = deployed();
  EXPECT_GT(result.deleted, 0u);
  Files expected = built();
  expected["notices/old-notice.html"] = sha256_hex("<p>网络中心的通知</p>").substr(0, 12);
  expected["google1234.html"] = sha256_hex("verification").substr(0, 12);
  EXPECT_EQ(remote(), expected);
  EXPECT_EQ(manifest().count("google1234.html"), 0u);
  EXPECT_EQ(manifest().count("news/three.html"), 0u);
}

// A deploy run again after one that stopped while deleting meets files
// that are gone already; reading the manifest before the first deploy meets
// no file and (FTP) no folder.
TEST_P(Deploy, RemovingAFileThatIsGoneIsFineAndAMissingFileIsNotFound) {
  const auto connection = connect();
  std::string bytes;
  EXPECT_EQ(connection->transport->fetch(kRemoteManifestName, &bytes).status, TransferStatus::not_found);
  deployed();
  EXPECT_EQ(connection->transport->fetch("news/never-there.html", &bytes).status, TransferStatus::not_found);
  const TransferResult removed = connection->transport->remove("news/never-there.html");
  EXPECT_TRUE(removed.ok()) << removed.message;
  const TransferResult removed_folder = connection->transport->remove("no-such-folder/a.html");
  EXPECT_TRUE(removed_folder.ok()) << removed_folder.message;
  EXPECT_EQ(remote(), built());
}

TEST_P(Deploy, DryRunChangesNothing) {
  DeployOptions dry;
  dry.dry_run = true;
  const DeployResult planned = deployed(dry);
  EXPECT_TRUE(planned.first_deploy);
  EXPECT_EQ(planned.plan.uploads.size(), built().size());
  EXPECT_EQ(planned.uploaded, 0u);
  EXPECT_TRUE(server_->files("site").empty());

  deployed();
  server_->age_files("site");
  fs::remove(site_ / "content/news/three.md");
  testing::write_text(site_ / "content/news/four.md", news("第四条", "2025-05-15 10:00", "新的一条。"));
  build();
  const Files before = hashed(server_->files("site"));
  const DeployResult again = deployed(dry);
  EXPECT_FALSE(again.plan.uploads.empty());
  EXPECT_FALSE(again.plan.deletions.empty());
  EXPECT_EQ(hashed(server_->files("site")), before);
  EXPECT_TRUE(server_->files_written_since_aged("site").empty());
}

TEST_P(Deploy, DeleteGuardStopsBeforeAnyChange) {
  deployed();
  server_->age_files("site");
  fs::remove(site_ / "content/news/two.md");
  fs::remove(site_ / "content/news/three.md");
  build();
  const Files before = hashed(server_->files("site"));
  DeployOptions guarded;
  guarded.max_deletes = 1;
  const DeployResult stopped = deploy(guarded);
  EXPECT_FALSE(stopped.ok);
  EXPECT_TRUE(stopped.guard_stopped);
  const std::size_t n = stopped.plan.deletions.size();
  EXPECT_GT(n, 1u);
  EXPECT_NE(messages(stopped).find("--max-deletes " + std::to_string(n)), std::string::npos) << messages(stopped);
  EXPECT_EQ(hashed(server_->files("site")), before);
  EXPECT_TRUE(server_->files_written_since_aged("site").empty());

  // A dry run still shows the whole plan, and says the real run would stop.
  guarded.dry_run = true;
  const DeployResult planned = deployed(guarded);
  EXPECT_EQ(planned.plan.deletions.size(), n);
  EXPECT_NE(messages(planned).find("--max-deletes " + std::to_string(n)), std::string::npos) << messages(planned);
  EXPECT_EQ(hashed(server_->files("site")), before);

  guarded.dry_run = false;
  guarded.max_deletes = n;
  EXPECT_EQ(deployed(guarded).deleted, n);
  EXPECT_EQ(remote(), built());
}

TEST_P(Deploy, InterruptedDeployRunAgainFinishesTheJob) {
  deployed();
  put_foreign("google1234.html", "verification");
  fs::remove(site_ / "content/news/three.md");
  testing::write_text(site_ / "content/news/four.md", news("第四条", "2025-05-15 10:00", "新的一条。"));
  testing::write_image(site_ / "content/images/b.jpg");
  testing::write_text(site_ / "content/news/five.md",
                      news("第五条", "2025-05-16 10:00", "有图。\n\n![新图](../images/b.jpg)"));
  build();
  DeployOptions interrupted;
  interrupted.stop_after_uploads = 2;
  interrupted.connections = 1;
  const DeployResult cut = deploy(interrupted);
  EXPECT_FALSE(cut.ok);
  EXPECT_EQ(cut.uploaded, 2u);
  ASSERT_GT(cut.plan.uploads.size(), 2u);
  // Every file the stopped deploy may have written is recorded as ours.
  const RemoteManifest recorded = manifest();
  for (const auto& upload : cut.plan.uploads) EXPECT_EQ(recorded.count(upload.path), 1u) << upload.path;

  const DeployResult resumed = deployed();
  EXPECT_GT(resumed.deleted, 0u);
  Files expected = built();
  expected["google1234.html"] = sha256_hex("verification").substr(0, 12);
  EXPECT_EQ(remote(), expected);
  RemoteManifest complete;
  for (const auto& [path, bytes] : testing::read_tree(out_)) complete[path] = ManifestEntry{bytes.size(), sha256_hex(bytes)};
  complete.erase(StagedOutput::kMarker);
  EXPECT_EQ(manifest(), complete);
}

TEST_P(Deploy, WrongCredentialsAreRefusedWithAClearMessage) {
  const DeployResult refused = deploy({}, /*right_credentials=*/false);
  EXPECT_FALSE(refused.ok);
  const std::string text = messages(refused);
  const bool clear = text.find("拒绝登录") != std::string::npos || text.find("密钥不对") != std::string::npos;
  EXPECT_TRUE(clear) << text;
  EXPECT_NE(text.find("没有做任何改动"), std::string::npos) << text;
  EXPECT_TRUE(server_->files("site").empty());
}

// Host keys are SFTP's: the same fixture, on sshd only.
class DeployHostKey : public Deploy {};

TEST_P(DeployHostKey, UnknownOrChangedHostKeyIsRefused) {
  const fs::path dir = server_->folder();
  for (const auto& [file, expected] : std::map<std::string, std::string>{{"other_known_hosts", "不在"},
                                                                         {"changed_known_hosts", "不一致"},
                                                                         {"missing_known_hosts", "找不到"}}) {
    auto env = server_->environment();
    env["ZHUANLAN_KNOWN_HOSTS"] = (dir / file).string();
    DeployOptions options;
    options.site_dir = site_;
    options.out_dir = out_;
    options.getenv = [env](const char* name) { return testing::lookup(env, name); };
    const DeployResult refused = run_deploy(options);
    EXPECT_FALSE(refused.ok);
    const std::string text = messages(refused);
    EXPECT_NE(text.find("主机密钥"), std::string::npos) << text;
    EXPECT_NE(text.find(expected), std::string::npos) << text;
    EXPECT_TRUE(server_->files("site").empty());
  }
  // Nothing was added to the known hosts file.
  EXPECT_EQ(testing::read_text(dir / "other_known_hosts").find("[127.0.0.1]:1 "), 0u);
  EXPECT_EQ(testing::read_text(dir / "other_known_hosts").find('\n'), testing::read_text(dir / "other_known_hosts").size() - 1);
}

INSTANTIATE_TEST_SUITE_P(Servers, Deploy,
                         ::testing::Values(ServerKind::sftp, ServerKind::ftp, ServerKind::ftps, ServerKind::webdav,
                                           ServerKind::webdav_https, ServerKind::s3),
                         [](const ::testing::TestParamInfo<ServerKind>& info) { return testing::server_kind_name(info.param); });
INSTANTIATE_TEST_SUITE_P(Servers, DeployHostKey, ::testing::Values(ServerKind::sftp),
                         [](const ::testing::TestParamInfo<ServerKind>& info) { return testing::server_kind_name(info.param); });

}  // namespace
}  // namespace zhuanlan

namespace zhuanlan {
namespace {

// The command line: what a person (or a CI log) sees.
class DeployCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    server_ = TestServer::start(ServerKind::webdav, &error);
    ASSERT_TRUE(server_) << error;
    site_ = tmp_.path() / "site";
    testing::write_text(site_ / "content/site.json", testing::minimal_site_json(server_->deploy_json("site")));
    testing::write_text(site_ / "content/news/one.md", news("第一条", "2025-05-12 09:00", "正文。"));
  }

  testing::CommandRun zhuanlan(const std::string& args, bool right_credentials = true) {
    std::string env = "env -i PATH=/usr/bin:/bin";
    for (const auto& [name, value] : server_->environment(right_credentials)) env += " " + name + "='" + value + "'";
    return testing::run_command(env + " '" + std::string(ZHUANLAN_BINARY) + "' " + args + " --site '" + site_.string() + "'");
  }

  testing::TempDir tmp_;
  std::unique_ptr<TestServer> server_;
  fs::path site_;
};

TEST_F(DeployCommand, DryRunPrintsThePlanThenDeploySumsUpInOneLine) {
  ASSERT_EQ(zhuanlan("build").status, 0);
  const testing::CommandRun dry = zhuanlan("deploy --dry-run");
  EXPECT_EQ(dry.status, 0) << dry.output;
  EXPECT_NE(dry.output.find("预演（--dry-run）"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("第一次发布"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("上传（新文件） news/one.html（"), std::string::npos) << dry.output;
  EXPECT_NE(dry.output.find("合计：上传 "), std::string::npos) << dry.output;
  EXPECT_TRUE(server_->files("site").empty());

  const testing::CommandRun real = zhuanlan("deploy");
  EXPECT_EQ(real.status, 0) << real.output;
  EXPECT_EQ(real.output.rfind("发布完成：上传 ", 0), 0u) << real.output;
  EXPECT_EQ(std::count(real.output.begin(), real.output.end(), '\n'), 1) << real.output;
  EXPECT_EQ(real.output.find('\r'), std::string::npos);
  EXPECT_EQ(server_->files("site").count("news/one.html"), 1u);

  const testing::CommandRun again = zhuanlan("deploy");
  EXPECT_NE(again.output.find("已是最新"), std::string::npos) << again.output;
}

TEST_F(DeployCommand, PublishBuildsThenDeploys) {
  const testing::CommandRun run = zhuanlan("publish");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("构建完成"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("发布完成"), std::string::npos) << run.output;
  EXPECT_EQ(server_->files("site").count("index.html"), 1u);
}

TEST_F(DeployCommand, ABuildWithDraftsIsNeverUploadedAndPublishRebuildsWithoutThem) {
  testing::write_text(site_ / "content/news/draft.md",
                      "---\ntitle: 未审稿件\ndate: 2025-05-13\ndepartment: 教务处\ndraft: true\n---\n正文。\n");
  testing::write_text(site_ / "content/news/later.md", "---\ntitle: 定时稿件\ndate: 2025-05-13\ndepartment: 教务处\n"
                                                     "publish_at: 2099-05-14 08:00\n---\n正文。\n");
  const testing::CommandRun preview = zhuanlan("build --drafts");
  ASSERT_EQ(preview.status, 0) << preview.output;
  ASSERT_TRUE(fs::exists(site_ / "public/news/draft.html"));
  ASSERT_TRUE(fs::exists(site_ / "public/news/later.html"));
  for (const char* args : {"deploy", "deploy --dry-run"}) {
    const testing::CommandRun refused = zhuanlan(args);
    EXPECT_EQ(refused.status, 1) << args;
    EXPECT_NE(refused.output.find("是用 --drafts 生成的内部预览，含草稿和还没到发布时间的定时新闻，不能发布到网站服务器上"),
              std::string::npos)
        << refused.output;
    EXPECT_NE(refused.output.find("请先不加 --drafts 重新运行 zhuanlan build"), std::string::npos) << refused.output;
  }
  EXPECT_TRUE(server_->files("site").empty()) << "nothing was sent, not even the record";

  // publish builds without drafts first: the marker goes with the preview.
  const testing::CommandRun published = zhuanlan("publish");
  EXPECT_EQ(published.status, 0) << published.output;
  const auto files = server_->files("site");
  EXPECT_EQ(files.count("news/one.html"), 1u);
  EXPECT_EQ(files.count("news/draft.html"), 0u);
  EXPECT_EQ(files.count("news/later.html"), 0u);
  EXPECT_EQ(files.count(kDraftsMarker), 0u);
  for (const auto& [path, bytes] : files) {
    EXPECT_EQ(bytes.find("未审稿件"), std::string::npos) << path;
    EXPECT_EQ(bytes.find("定时稿件"), std::string::npos) << path;
  }
  EXPECT_FALSE(fs::exists(site_ / "public" / kDraftsMarker));
}

TEST_F(DeployCommand, RefusalsSayWhatToDoAndNeverShowTheSecret) {
  ASSERT_EQ(zhuanlan("build").status, 0);
  const testing::CommandRun wrong = zhuanlan("deploy", /*right_credentials=*/false);
  EXPECT_EQ(wrong.status, 1);
  EXPECT_NE(wrong.output.find("拒绝登录"), std::string::npos) << wrong.output;
  EXPECT_NE(wrong.output.find("发布未完成，服务器上的网站没有改动"), std::string::npos) << wrong.output;
  EXPECT_EQ(wrong.output.find("not-the-password"), std::string::npos);

  const testing::CommandRun in_url = zhuanlan("deploy --to 'ftp://web:" + server_->secret() + "@127.0.0.1/site/'");
  EXPECT_EQ(in_url.status, 1);
  EXPECT_NE(in_url.output.find("ZHUANLAN_DEPLOY_PASSWORD"), std::string::npos) << in_url.output;
  EXPECT_EQ(in_url.output.find(server_->secret()), std::string::npos) << in_url.output;

  const testing::CommandRun not_built = testing::run_command("'" + std::string(ZHUANLAN_BINARY) + "' deploy --site '" +
                                                            site_.string() + "' --out '" + (tmp_.path() / "none").string() + "'");
  EXPECT_EQ(not_built.status, 1);
  EXPECT_NE(not_built.output.find("请先运行 zhuanlan build"), std::string::npos) << not_built.output;
}

}  // namespace
}  // namespace zhuanlan
