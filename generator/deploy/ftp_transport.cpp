// FTP and FTPS. ftps:// is FTP over TLS (AUTH TLS, refused when the server
// does not offer it; implicit TLS on port 990); plain ftp:// sends the
// password unencrypted, which the deploy warns about.
#include "deploy/curl_session.h"
#include "deploy/transport.h"

namespace zhuanlan {
namespace {

class FtpTransport : public Transport {
 public:
  FtpTransport(const DeployTarget& target, const DeploySecrets& secrets)
      : target_(target), secrets_(secrets), session_(target_, secrets_) {}

  TransferResult fetch(const std::string& path, std::string* bytes) override {
    start(path);
    session_.receive(bytes);
    const CURLcode code = session_.perform();
    if (missing(code)) return {TransferStatus::not_found, ""};
    return result(code, "读取 " + path);
  }

  TransferResult put(const std::string& path, const UploadBody& body) override {
    CURL* curl = start(path);
    session_.send(body.bytes);
    curl_easy_setopt(curl, CURLOPT_FTP_CREATE_MISSING_DIRS, static_cast<long>(CURLFTP_CREATE_DIR_RETRY));
    return result(session_.perform(), "上传 " + path);
  }

  TransferResult remove(const std::string& path) override {
    // DELE runs after libcurl has changed into the file's folder: a reused
    // connection is not in the login folder any more, so a path from there
    // would name another file.
    const std::size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    CURL* curl = start(folder);
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    const std::string command = "DELE " + path.substr(folder.size());
    curl_slist* quote = curl_slist_append(nullptr, command.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTQUOTE, quote);
    const CURLcode code = session_.perform();
    curl_slist_free_all(quote);
    // The folder is gone: so is the file.
    if (code == CURLE_REMOTE_ACCESS_DENIED && session_.response_code() == 550) return {};
    if (code != CURLE_QUOTE_ERROR) return result(code, "删除 " + path);
    CURL* probe = start(path);
    curl_easy_setopt(probe, CURLOPT_NOBODY, 1L);
    if (missing(session_.perform())) return {};
    return {TransferStatus::failed, "删除 " + path + " 失败（" + target_.shown + "）：服务器不允许删除这个文件。"};
  }

 private:
  CURL* start(const std::string& path) {
    CURL* curl = session_.start(remote_url(target_, path));
    curl_easy_setopt(curl, CURLOPT_USERNAME, target_.user.empty() ? "anonymous" : target_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, secrets_.password.c_str());
    if (target_.protocol == DeployProtocol::ftps) curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    return curl;
  }

  // A missing file (550 to RETR or SIZE) or a missing folder (550 to CWD:
  // the site's folder before the first deploy).
  bool missing(CURLcode code) const {
    return code == CURLE_REMOTE_FILE_NOT_FOUND || code == CURLE_FTP_COULDNT_RETR_FILE ||
           (code == CURLE_REMOTE_ACCESS_DENIED && session_.response_code() == 550);
  }

  TransferResult result(CURLcode code, const std::string& what) {
    if (code == CURLE_OK) return {};
    return curl_failure(code, what, target_, session_.error_text());
  }

  const DeployTarget& target_;
  const DeploySecrets& secrets_;
  CurlSession session_;
};

}  // namespace

std::unique_ptr<Transport> make_ftp_transport(const DeployTarget& target, const DeploySecrets& secrets) {
  return std::make_unique<FtpTransport>(target, secrets);
}

}  // namespace zhuanlan
