#include "deploy/remote_manifest.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

const std::string kSha(64, 'a');

TEST(RemoteManifest, RoundTripsSortedAndStable) {
  RemoteManifest manifest{{"news/b.html", {10, kSha}}, {"assets/a.css", {3, ""}}};
  const std::string json = manifest_json(manifest);
  EXPECT_LT(json.find("assets/a.css"), json.find("news/b.html"));
  std::string error;
  const auto back = parse_manifest(json, &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(*back, manifest);
  EXPECT_EQ(manifest_json(*back), json);
}

TEST(RemoteManifest, RefusesWhatIsNotAManifest) {
  std::string error;
  EXPECT_FALSE(parse_manifest("{\"files\": [", &error));
  EXPECT_FALSE(parse_manifest("[]", &error));
  EXPECT_FALSE(parse_manifest(R"({"format":"zhuanlan-deploy 1","files":[{"path":"a.html","size":-1,"sha256":""}]})", &error));
  EXPECT_FALSE(parse_manifest(R"({"format":"zhuanlan-deploy 1","files":[{"path":"a.html","size":1,"sha256":"xyz"}]})", &error));
}

TEST(RemoteManifest, RefusesPathsThatLeaveTheSiteFolder) {
  for (const std::string path : {"../etc/passwd", "/etc/passwd", "a/../../b", "a//b", "a\\\\b", "./a", ".zhuanlan-deploy.json"}) {
    std::string error;
    const std::string json =
        R"({"format":"zhuanlan-deploy 1","files":[{"path":")" + path + R"(","size":1,"sha256":""}]})";
    EXPECT_FALSE(parse_manifest(json, &error)) << path;
  }
  EXPECT_TRUE(safe_remote_path("images/2025/a-480.webp"));
  EXPECT_FALSE(safe_remote_path("a/\x01.html"));
}

}  // namespace
}  // namespace zhuanlan
