#include "deploy/deploy_target.h"

#include <gtest/gtest.h>

#include <map>

namespace zhuanlan {
namespace {

DeployTarget parsed(const std::string& url, const std::string& endpoint = "", const std::string& region = "") {
  std::string error;
  const auto target = parse_deploy_target(url, endpoint, region, &error);
  EXPECT_TRUE(target.has_value()) << error;
  return target.value_or(DeployTarget{});
}

std::string refused(const std::string& url, const std::string& endpoint = "", const std::string& region = "") {
  std::string error;
  EXPECT_FALSE(parse_deploy_target(url, endpoint, region, &error).has_value()) << url;
  return error;
}

TEST(DeployTarget, SftpUrlGivesUserHostPortAndFolder) {
  const DeployTarget target = parsed("sftp://deploy@www.example.edu.cn:2222/var/www/zjz2025");
  EXPECT_EQ(target.protocol, DeployProtocol::sftp);
  EXPECT_EQ(target.user, "deploy");
  EXPECT_EQ(target.host, "www.example.edu.cn");
  EXPECT_EQ(target.port, 2222);
  EXPECT_EQ(target.folder, "/var/www/zjz2025/");
  EXPECT_EQ(remote_url(target, "news/a b.html"), "sftp://www.example.edu.cn:2222/var/www/zjz2025/news/a%20b.html");
  EXPECT_EQ(remote_command_path(target, "news/a.html"), "/var/www/zjz2025/news/a.html");
  EXPECT_EQ(target.shown, "sftp://deploy@www.example.edu.cn:2222/var/www/zjz2025/");
}

TEST(DeployTarget, FtpsIsExplicitTlsExceptOnPort990) {
  const DeployTarget explicit_tls = parsed("ftps://web@ftp.example.edu.cn/zjz2025/");
  EXPECT_EQ(explicit_tls.protocol, DeployProtocol::ftps);
  EXPECT_EQ(explicit_tls.scheme, "ftp");
  EXPECT_TRUE(explicit_tls.require_tls);
  const DeployTarget implicit_tls = parsed("ftps://web@ftp.example.edu.cn:990/zjz2025/");
  EXPECT_EQ(implicit_tls.scheme, "ftps");
  EXPECT_FALSE(implicit_tls.require_tls);
  EXPECT_EQ(remote_url(parsed("ftp://web@h.example.edu.cn//srv/site/"), "a.html"), "ftp://h.example.edu.cn//srv/site/a.html");
}

TEST(DeployTarget, WebdavNeedsHttpsExceptOnThisMachine) {
  EXPECT_EQ(parsed("https://dav.example.edu.cn/zjz/").protocol, DeployProtocol::webdav);
  EXPECT_EQ(parsed("http://127.0.0.1:8080/dav/").scheme, "http");
  EXPECT_NE(refused("http://dav.example.edu.cn/zjz/").find("https://"), std::string::npos);
}

TEST(DeployTarget, PasswordInUrlIsRefusedWithoutRepeatingIt) {
  const std::string error = refused("ftp://web:s3cret-Pa55@ftp.example.edu.cn/zjz/");
  EXPECT_EQ(error.find("s3cret-Pa55"), std::string::npos);
  EXPECT_NE(error.find("ZHUANLAN_DEPLOY_PASSWORD"), std::string::npos);
}

TEST(DeployTarget, BadUrlsAreExplained) {
  EXPECT_NE(refused("").find("deploy"), std::string::npos);
  EXPECT_NE(refused("gopher://example.edu.cn/").find("不支持"), std::string::npos);
  EXPECT_NE(refused("sftp://u@example.edu.cn/专题/").find("中文"), std::string::npos);
  EXPECT_NE(refused("sftp://u@example.edu.cn/a/?x=1").find("?"), std::string::npos);
}

TEST(DeployTarget, S3IsVirtualHostedExceptOnLoopback) {
  const DeployTarget oss = parsed("s3://zjz-2025/site/", "oss-cn-hangzhou.aliyuncs.com", "oss-cn-hangzhou");
  EXPECT_EQ(oss.protocol, DeployProtocol::s3);
  EXPECT_EQ(oss.bucket, "zjz-2025");
  EXPECT_EQ(oss.prefix, "site/");
  EXPECT_FALSE(oss.path_style);
  EXPECT_EQ(remote_url(oss, "index.html"), "https://zjz-2025.oss-cn-hangzhou.aliyuncs.com/site/index.html");
  const DeployTarget local = parsed("s3://site/", "http://127.0.0.1:4568", "us-east-1");
  EXPECT_TRUE(local.path_style);
  EXPECT_EQ(local.prefix, "");
  EXPECT_EQ(remote_url(local, "news/a.html"), "http://127.0.0.1:4568/site/news/a.html");
  EXPECT_NE(refused("s3://zjz/", "https://cos.ap-guangzhou.myqcloud.com", "").find("region"), std::string::npos);
  EXPECT_NE(refused("s3://zjz/", "http://cos.ap-guangzhou.myqcloud.com", "ap-guangzhou").find("https://"), std::string::npos);
  EXPECT_NE(refused("s3://Bad_Bucket/", "", "ap-guangzhou").find("存储桶"), std::string::npos);
}

TEST(DeployTarget, SecretsComeFromTheEnvironment) {
  const std::map<std::string, std::string> env{{"ZHUANLAN_DEPLOY_PASSWORD", "pw"}, {"HOME", "/home/web"},
                                               {"ZHUANLAN_S3_KEY_ID", "id"}, {"ZHUANLAN_S3_SECRET", "secret"}};
  const DeploySecrets secrets = deploy_secrets([&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  });
  EXPECT_EQ(secrets.password, "pw");
  EXPECT_EQ(secrets.known_hosts, "/home/web/.ssh/known_hosts");
  EXPECT_EQ(secrets.s3_key_id, "id");
  EXPECT_EQ(secrets.s3_secret, "secret");
  EXPECT_EQ(secrets.key_file, "");
}

}  // namespace
}  // namespace zhuanlan
