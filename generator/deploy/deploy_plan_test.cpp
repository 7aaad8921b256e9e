#include "deploy/deploy_plan.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

const std::string kA(64, 'a'), kB(64, 'b');

std::vector<std::string> upload_paths(const DeployPlan& plan) {
  std::vector<std::string> paths;
  for (const auto& upload : plan.uploads) paths.push_back(upload.path);
  return paths;
}

TEST(DeployPlan, FirstDeploySendsAssetsAndImagesBeforePages) {
  const std::vector<LocalFile> local{{"index.html", 5, kA}, {"assets/site.css", 3, kA}, {"feed.xml", 2, kA},
                                     {"images/a.webp", 7, kA}, {"news/a.html", 4, kA}};
  const DeployPlan plan = plan_deploy(local, {});
  EXPECT_EQ(upload_paths(plan), (std::vector<std::string>{"assets/site.css", "images/a.webp", "feed.xml", "index.html",
                                                          "news/a.html"}));
  EXPECT_EQ(plan.upload_bytes, 21u);
  EXPECT_TRUE(plan.deletions.empty());
  EXPECT_TRUE(plan.uploads.front().is_new);
}

TEST(DeployPlan, OnlyChangedFilesAreSentAndOnlyRecordedFilesDeleted) {
  const std::vector<LocalFile> local{{"index.html", 5, kB}, {"news/a.html", 4, kA}};
  const RemoteManifest remote{{"index.html", {5, kA}}, {"news/a.html", {4, kA}}, {"news/gone.html", {4, kA}},
                              {"news/half.html", {9, ""}}};
  const DeployPlan plan = plan_deploy(local, remote);
  EXPECT_EQ(upload_paths(plan), std::vector<std::string>{"index.html"});
  EXPECT_FALSE(plan.uploads[0].is_new);
  EXPECT_EQ(plan.unchanged, 1u);
  // news/half.html was being uploaded when a deploy stopped: it is ours.
  EXPECT_EQ(plan.deletions, (std::vector<std::string>{"news/gone.html", "news/half.html"}));
}

TEST(DeployPlan, AnUnconfirmedUploadIsSentAgain) {
  const DeployPlan plan = plan_deploy({{"a.html", 4, kA}}, {{"a.html", {4, ""}}});
  EXPECT_EQ(upload_paths(plan), std::vector<std::string>{"a.html"});
}

TEST(DeployPlan, FoldersParentsFirst) {
  const DeployPlan plan = plan_deploy({{"a/b/c.html", 1, kA}, {"a/d.css", 1, kA}, {"e.html", 1, kA}}, {});
  EXPECT_EQ(upload_folders(plan), (std::vector<std::string>{"a/", "a/b/"}));
}

TEST(DeployPlan, DeleteGuardStopsAndSaysHowToAllow) {
  RemoteManifest remote;
  for (int i = 0; i < 5; ++i) remote["old/" + std::to_string(i) + ".html"] = {1, kA};
  const DeployPlan plan = plan_deploy({}, remote);
  EXPECT_FALSE(delete_guard(plan, 5));
  const auto message = delete_guard(plan, 4);
  ASSERT_TRUE(message);
  EXPECT_NE(message->find("--max-deletes 5"), std::string::npos);
  EXPECT_NE(message->find("没有做任何改动"), std::string::npos);
  const auto dry = delete_guard(plan, 4, /*dry_run=*/true);
  ASSERT_TRUE(dry);
  EXPECT_NE(dry->find("正式发布时会停下"), std::string::npos);
  EXPECT_NE(dry->find("--max-deletes 5"), std::string::npos);
}

TEST(DeployPlan, ManifestStepsKeepEveryFileThatMayBeOnTheServer) {
  const RemoteManifest remote{{"a.html", {1, kA}}, {"gone.html", {1, kA}}};
  const DeployPlan plan = plan_deploy({{"a.html", 2, kB}, {"new.css", 3, kB}}, remote);
  const RemoteManifest before = manifest_before_uploads(remote, plan);
  EXPECT_EQ(before.at("a.html"), (ManifestEntry{2, ""}));
  EXPECT_EQ(before.at("new.css"), (ManifestEntry{3, ""}));
  EXPECT_EQ(before.at("gone.html"), (ManifestEntry{1, kA}));
  // plan.uploads is new.css, a.html (asset first).
  const RemoteManifest partly = manifest_with_uploads(before, plan, {true, false});
  EXPECT_EQ(partly.at("new.css"), (ManifestEntry{3, kB}));
  EXPECT_EQ(partly.at("a.html"), (ManifestEntry{2, ""}));
  const RemoteManifest after = manifest_after_deletions(manifest_with_uploads(partly, plan, {true, true}), {"gone.html"});
  EXPECT_EQ(after, (RemoteManifest{{"a.html", {2, kB}}, {"new.css", {3, kB}}}));
}

}  // namespace
}  // namespace zhuanlan
