#pragma once
// Where `zhuanlan deploy` publishes: the deploy URL (site.json deploy.url or
// --to) parsed into a target, and the secrets, which come only from the
// environment. Nothing here talks to a server.
#include <functional>
#include <optional>
#include <string>

#include "util/hosts.h"

namespace zhuanlan {

enum class DeployProtocol { sftp, ftp, ftps, webdav, s3 };

struct DeployTarget {
  DeployProtocol protocol = DeployProtocol::sftp;
  std::string shown;  // the URL as messages show it (it never holds a password)
  // SFTP, FTP(S) and WebDAV: the server and the site's folder on it.
  std::string scheme;  // what libcurl is given: sftp, ftp, ftps (implicit TLS), http, https
  bool require_tls = false;  // FTPS on the plain FTP port: AUTH TLS, refused without it
  std::string host;          // as in a URL ([::1] keeps its brackets)
  int port = 0;              // 0: the protocol's default
  std::string user;          // from the URL; may be empty
  std::string folder;        // the site's folder: starts and ends with '/'
  // S3: the bucket, the key prefix (empty or ending with '/') and the service.
  std::string bucket, prefix, region;
  std::string endpoint;      // scheme://host[:port], no path
  bool path_style = false;   // endpoint on loopback: http://host/bucket/key, else bucket.host/key
};

// Parses a deploy URL: sftp://user@host[:port]/path/, ftps://…, ftp://…,
// https://… (WebDAV; http:// only on this machine), or s3://bucket/prefix/
// with endpoint (https://oss-cn-hangzhou.aliyuncs.com; the scheme may be left
// out) and region. A password in the URL is refused, so it cannot end up in
// the site folder. Returns nullopt with a Chinese explanation in *error.
std::optional<DeployTarget> parse_deploy_target(const std::string& url, const std::string& endpoint,
                                                const std::string& region, std::string* error);

// The URL libcurl is given for a file of the site (path relative to the
// site's folder, e.g. news/a.html; "" for the folder itself). Each path
// segment is percent-encoded.
std::string remote_url(const DeployTarget& target, const std::string& path);

// The path of a file on an SFTP server as its commands (rm) name it: the
// folder and the path, not encoded.
std::string remote_command_path(const DeployTarget& target, const std::string& path);


// The protocol's name in messages: SFTP, FTP, FTPS, WebDAV, S3.
std::string protocol_name(DeployProtocol protocol);

struct DeploySecrets {
  std::string password;     // ZHUANLAN_DEPLOY_PASSWORD: FTP, WebDAV, SFTP by password, or the key's passphrase
  std::string key_file;     // ZHUANLAN_DEPLOY_KEY: an SSH private key
  std::string known_hosts;  // ZHUANLAN_KNOWN_HOSTS, else ~/.ssh/known_hosts
  std::string ca_file;      // ZHUANLAN_DEPLOY_CA: extra CA certificates for TLS (a network centre's own CA)
  std::string s3_key_id, s3_secret;  // ZHUANLAN_S3_KEY_ID, ZHUANLAN_S3_SECRET
};

// getenv(name) returns the variable's value or nullptr, like ::getenv.
using EnvironmentLookup = std::function<const char*(const char*)>;
DeploySecrets deploy_secrets(const EnvironmentLookup& getenv);

}  // namespace zhuanlan
