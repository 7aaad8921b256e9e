#pragma once
// The small interface every protocol implements (one file each:
// sftp_transport, ftp_transport, webdav_transport, s3_transport). A
// transport holds one libcurl handle and so one connection, kept open
// between calls; a deploy runs a few of them at once, one per worker.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "deploy/deploy_target.h"

namespace zhuanlan {

enum class TransferStatus {
  ok,
  not_found,  // fetch: the file is not there
  failed,     // worth trying again (a dropped connection, a timeout, a server error)
  refused,    // trying again will not help: login, host key, certificate, permission; the deploy stops
};

struct TransferResult {
  TransferStatus status = TransferStatus::ok;
  std::string message;  // Chinese, for the user; never holds a secret
  bool ok() const { return status == TransferStatus::ok; }
};

// What an upload sends: the bytes and their SHA-256 (S3 signs it).
struct UploadBody {
  std::string_view bytes;
  std::string sha256;
};

class Transport {
 public:
  virtual ~Transport() = default;
  // The file's bytes into *bytes; not_found when there is no such file.
  virtual TransferResult fetch(const std::string& path, std::string* bytes) = 0;
  // Writes the file whole, making the folders it needs where the protocol can.
  virtual TransferResult put(const std::string& path, const UploadBody& body) = 0;
  // Removes the file; a file that is already gone is ok.
  virtual TransferResult remove(const std::string& path) = 0;
  // Makes the folders (parents first) for servers that need to be told;
  // the others do it in put().
  virtual TransferResult make_folders(const std::vector<std::string>& folders) {
    (void)folders;
    return {};
  }
};

// Checks what the protocol needs before connecting (a key file, the known
// hosts, S3 keys): a Chinese message when something is missing, else "".
std::string missing_credentials(const DeployTarget& target, const DeploySecrets& secrets);

std::unique_ptr<Transport> make_transport(const DeployTarget& target, const DeploySecrets& secrets);

std::unique_ptr<Transport> make_sftp_transport(const DeployTarget& target, const DeploySecrets& secrets);
std::unique_ptr<Transport> make_ftp_transport(const DeployTarget& target, const DeploySecrets& secrets);
std::unique_ptr<Transport> make_webdav_transport(const DeployTarget& target, const DeploySecrets& secrets);
std::unique_ptr<Transport> make_s3_transport(const DeployTarget& target, const DeploySecrets& secrets);

}  // namespace zhuanlan
