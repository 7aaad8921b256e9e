// WebDAV: GET, PUT, MKCOL and DELETE over HTTPS (HTTP only to this machine,
// for tests), with Basic or Digest login.
#include "deploy/curl_session.h"
#include "deploy/transport.h"
#include "util/media_types.h"

namespace zhuanlan {
namespace {

class WebdavTransport : public Transport {
 public:
  WebdavTransport(const DeployTarget& target, const DeploySecrets& secrets)
      : target_(target), secrets_(secrets), session_(target_, secrets_) {}

  TransferResult fetch(const std::string& path, std::string* bytes) override {
    start(path);
    session_.receive(bytes);
    const CURLcode code = session_.perform();
    if (code != CURLE_OK) return curl_failure(code, "读取 " + path, target_, session_.error_text());
    const long status = session_.response_code();
    if (status == 404 || status == 410) return {TransferStatus::not_found, ""};
    if (status != 200) return http_failure(status, "读取 " + path, target_, "");
    return {};
  }

  TransferResult put(const std::string& path, const UploadBody& body) override {
    CURL* curl = start(path);
    session_.send(body.bytes);
    const std::string type = "Content-Type: " + media_type_of(path);
    curl_slist* headers = curl_slist_append(nullptr, type.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    const TransferResult result = request("上传 " + path, {200, 201, 204});
    curl_slist_free_all(headers);
    return result;
  }

  TransferResult remove(const std::string& path) override {
    CURL* curl = start(path);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "DELETE");
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    return request("删除 " + path, {200, 202, 204, 404, 410});
  }

  TransferResult make_folders(const std::vector<std::string>& folders) override {
    // The site's folder itself first, then each folder the uploads need.
    std::vector<std::string> all{""};
    all.insert(all.end(), folders.begin(), folders.end());
    for (const auto& folder : all) {
      CURL* curl = start(folder);
      curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "MKCOL");
      curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
      // 405: the folder is there already.
      const TransferResult result = request("建立文件夹 " + (folder.empty() ? target_.folder : folder), {200, 201, 204, 301, 405});
      if (!result.ok()) return result;
    }
    return {};
  }

 private:
  CURL* start(const std::string& path) {
    CURL* curl = session_.start(remote_url(target_, path));
    if (!target_.user.empty() || !secrets_.password.empty()) {
      curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC | CURLAUTH_DIGEST));
      curl_easy_setopt(curl, CURLOPT_USERNAME, target_.user.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, secrets_.password.c_str());
    }
    return curl;
  }

  TransferResult request(const std::string& what, std::initializer_list<long> accepted) {
    const CURLcode code = session_.perform();
    if (code != CURLE_OK) return curl_failure(code, what, target_, session_.error_text());
    const long status = session_.response_code();
    for (const long ok : accepted) {
      if (status == ok) return {};
    }
    return http_failure(status, what, target_, "");
  }

  const DeployTarget& target_;
  const DeploySecrets& secrets_;
  CurlSession session_;
};

}  // namespace

std::unique_ptr<Transport> make_webdav_transport(const DeployTarget& target, const DeploySecrets& secrets) {
  return std::make_unique<WebdavTransport>(target, secrets);
}

}  // namespace zhuanlan
