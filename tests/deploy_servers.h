#pragma once
// Real servers on 127.0.0.1 for the deploy tests, each started as a plain
// process with its configuration, keys and files in a temporary folder:
// OpenSSH's sshd (SFTP), pure-ftpd (FTP, and FTPS with a certificate made
// here), nginx's WebDAV module (HTTP and HTTPS) and s3rver (S3, from
// package-lock.json, run with node behind tests/servers/s3rver.cjs, which
// checks Signature V4 and the payload hash as OSS and COS do). scripts/install-deps test installs them.
// A server is stopped when its object goes; it also dies with the test
// process (PR_SET_PDEATHSIG), so none is left behind.
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "test_support.h"

namespace zhuanlan::testing {

enum class ServerKind { sftp, ftp, ftps, webdav, webdav_https, s3 };
std::string server_kind_name(ServerKind kind);

class TestServer {
 public:
  // Starts the server; nullptr with the reason (and the server's log) in
  // *error when it does not come up.
  static std::unique_ptr<TestServer> start(ServerKind kind, std::string* error);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  ServerKind kind() const { return kind_; }
  // The site.json "deploy" object that publishes into folder (a name such as
  // "site") on this server.
  std::string deploy_json(const std::string& folder) const;
  std::string deploy_url(const std::string& folder) const;
  std::string endpoint() const;  // S3: the service's address; "" for the others
  // The environment a deploy needs: right credentials (password, key, known
  // hosts, CA, S3 keys), or wrong ones (another password, another key).
  std::map<std::string, std::string> environment(bool right_credentials = true) const;
  // The password or key the right environment holds, which must never be
  // printed or stored.
  std::string secret() const { return secret_; }
  const std::filesystem::path& folder() const { return dir_.path(); }

  // What the server holds in folder, read from its disk: path -> bytes (for
  // S3, object keys below the folder's prefix).
  std::map<std::string, std::string> files(const std::string& folder) const;
  // Sets the time of every file in folder to the year 2001 ...
  void age_files(const std::string& folder) const;
  // ... so that these are the files written since.
  std::set<std::string> files_written_since_aged(const std::string& folder) const;

 private:
  TestServer(ServerKind kind) : kind_(kind) {}
  std::filesystem::path disk(const std::string& folder) const;
  std::string file_key(const std::filesystem::path& file, const std::filesystem::path& root) const;

  ServerKind kind_;
  TempDir dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string secret_;
};

// Runs an environment map as an EnvironmentLookup (deploy/deploy_target.h).
const char* lookup(const std::map<std::string, std::string>& env, const char* name);

}  // namespace zhuanlan::testing
