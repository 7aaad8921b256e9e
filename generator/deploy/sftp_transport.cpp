// SFTP through libcurl's libssh2 backend. The server's host key must be in
// the known hosts file (ZHUANLAN_KNOWN_HOSTS or ~/.ssh/known_hosts); a host
// that is not listed, or whose key changed, is refused.
#include <filesystem>

#include "deploy/curl_session.h"
#include "deploy/transport.h"

namespace zhuanlan {
namespace {

struct HostKeyCheck {
  bool called = false;
  curl_khmatch match = CURLKHMATCH_OK;
};

int check_host_key(CURL*, const curl_khkey*, const curl_khkey*, curl_khmatch match, void* data) {
  auto* check = static_cast<HostKeyCheck*>(data);
  check->called = true;
  check->match = match;
  // Only a key that matches a line of the file is accepted; nothing is
  // ever added to the file.
  return match == CURLKHMATCH_OK ? CURLKHSTAT_FINE : CURLKHSTAT_REJECT;
}

class SftpTransport : public Transport {
 public:
  SftpTransport(const DeployTarget& target, const DeploySecrets& secrets)
      : target_(target), secrets_(secrets), session_(target_, secrets_) {}

  TransferResult fetch(const std::string& path, std::string* bytes) override {
    start(path);
    session_.receive(bytes);
    const CURLcode code = session_.perform();
    if (code == CURLE_REMOTE_FILE_NOT_FOUND) return {TransferStatus::not_found, ""};
    return result(code, "读取 " + path);
  }

  TransferResult put(const std::string& path, const UploadBody& body) override {
    CURL* curl = start(path);
    session_.send(body.bytes);
    curl_easy_setopt(curl, CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR_RETRY));
    curl_easy_setopt(curl, CURLOPT_NEW_FILE_PERMS, 0644L);
    curl_easy_setopt(curl, CURLOPT_NEW_DIRECTORY_PERMS, 0755L);
    return result(session_.perform(), "上传 " + path);
  }

  TransferResult remove(const std::string& path) override {
    CURL* curl = start("");
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    const std::string command = "rm \"" + remote_command_path(target_, path) + "\"";
    curl_slist* quote = curl_slist_append(nullptr, command.c_str());
    curl_easy_setopt(curl, CURLOPT_QUOTE, quote);
    const CURLcode code = session_.perform();
    curl_slist_free_all(quote);
    if (code != CURLE_QUOTE_ERROR) return result(code, "删除 " + path);
    // rm failed: fine if the file is gone already (a deploy run again after
    // an interruption), else a real failure.
    CURL* probe = start(path);
    curl_easy_setopt(probe, CURLOPT_NOBODY, 1L);
    if (session_.perform() == CURLE_REMOTE_FILE_NOT_FOUND) return {};
    return {TransferStatus::failed, "删除 " + path + " 失败（" + target_.shown + "）：服务器不允许删除这个文件。"};
  }

 private:
  CURL* start(const std::string& path) {
    CURL* curl = session_.start(remote_url(target_, path));
    check_ = HostKeyCheck{};
    curl_easy_setopt(curl, CURLOPT_SSH_KNOWNHOSTS, secrets_.known_hosts.c_str());
    curl_easy_setopt(curl, CURLOPT_SSH_KEYFUNCTION, &check_host_key);
    curl_easy_setopt(curl, CURLOPT_SSH_KEYDATA, &check_);
    if (!target_.user.empty()) curl_easy_setopt(curl, CURLOPT_USERNAME, target_.user.c_str());
    if (!secrets_.key_file.empty()) {
      curl_easy_setopt(curl, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PUBLICKEY));
      curl_easy_setopt(curl, CURLOPT_SSH_PRIVATE_KEYFILE, secrets_.key_file.c_str());
      const std::string public_key = secrets_.key_file + ".pub";
      std::error_code ec;
      // Without the .pub file libssh2 derives the public key from the private one.
      curl_easy_setopt(curl, CURLOPT_SSH_PUBLIC_KEYFILE, std::filesystem::exists(public_key, ec) ? public_key.c_str() : "");
      if (!secrets_.password.empty()) curl_easy_setopt(curl, CURLOPT_KEYPASSWD, secrets_.password.c_str());
    } else {
      curl_easy_setopt(curl, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PASSWORD | CURLSSH_AUTH_KEYBOARD));
      curl_easy_setopt(curl, CURLOPT_PASSWORD, secrets_.password.c_str());
    }
    return curl;
  }

  TransferResult result(CURLcode code, const std::string& what) {
    if (code == CURLE_OK) return {};
    if (check_.called && check_.match != CURLKHMATCH_OK) {
      const std::string host = target_.port > 0 ? "[" + target_.host + "]:" + std::to_string(target_.port) : target_.host;
      if (check_.match == CURLKHMATCH_MISMATCH) {
        return {TransferStatus::refused,
                "服务器 " + host + " 的主机密钥与 " + secrets_.known_hosts +
                    " 中记录的不一致，已拒绝连接：可能有人冒充服务器，也可能服务器重装过。请向网络中心核实主机密钥的指纹，"
                    "确认后再更新该文件中 " + host + " 的那一行。"};
      }
      return {TransferStatus::refused,
              "服务器 " + host + " 的主机密钥不在 " + secrets_.known_hosts +
                  " 中，为防止冒充，已拒绝连接。请向网络中心要到主机密钥的指纹，核对无误后把它加入该文件（例如运行 ssh-keyscan -p " +
                  std::to_string(target_.port > 0 ? target_.port : 22) + " " + target_.host +
                  " 并核对输出），或用环境变量 ZHUANLAN_KNOWN_HOSTS 指定另一个文件。"};
    }
    return curl_failure(code, what, target_, session_.error_text());
  }

  const DeployTarget& target_;
  const DeploySecrets& secrets_;
  CurlSession session_;
  HostKeyCheck check_;
};

}  // namespace

std::unique_ptr<Transport> make_sftp_transport(const DeployTarget& target, const DeploySecrets& secrets) {
  return std::make_unique<SftpTransport>(target, secrets);
}

}  // namespace zhuanlan
