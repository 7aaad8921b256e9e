// S3-compatible object storage (Aliyun OSS, Tencent COS, …), signed with
// AWS Signature Version 4 by libcurl (CURLOPT_AWS_SIGV4). libcurl 7.88 signs
// the hash of an empty payload for uploads unless x-amz-content-sha256 is
// given, so every request carries the real hash of what it sends.
#include "deploy/curl_session.h"
#include "deploy/transport.h"
#include "util/media_types.h"

namespace zhuanlan {
namespace {

const std::string kEmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// The <Code> of an S3 error body, e.g. NoSuchBucket; "" when there is none.
std::string error_code(const std::string& body) {
  const std::size_t start = body.find("<Code>");
  const std::size_t end = body.find("</Code>");
  if (start == std::string::npos || end == std::string::npos || end < start + 6 || end - start > 80) return "";
  return body.substr(start + 6, end - start - 6);
}

class S3Transport : public Transport {
 public:
  S3Transport(const DeployTarget& target, const DeploySecrets& secrets)
      : target_(target), secrets_(secrets), session_(target_, secrets_),
        sigv4_("aws:amz:" + target.region + ":s3") {}

  TransferResult fetch(const std::string& path, std::string* bytes) override {
    start(path);
    Headers headers({"x-amz-content-sha256: " + kEmptySha256});
    headers.apply(session_);
    session_.receive(bytes);
    const CURLcode code = session_.perform();
    if (code != CURLE_OK) return curl_failure(code, "读取 " + path, target_, session_.error_text());
    const long status = session_.response_code();
    if (status == 200) return {};
    const std::string s3_code = error_code(*bytes);
    if (status == 404 && s3_code != "NoSuchBucket") return {TransferStatus::not_found, ""};
    return failure(status, "读取 " + path, s3_code);
  }

  TransferResult put(const std::string& path, const UploadBody& body) override {
    start(path);
    Headers headers({"x-amz-content-sha256: " + body.sha256, "Content-Type: " + media_type_of(path)});
    headers.apply(session_);
    session_.send(body.bytes);
    return request("上传 " + path);
  }

  TransferResult remove(const std::string& path) override {
    CURL* curl = start(path);
    Headers headers({"x-amz-content-sha256: " + kEmptySha256});
    headers.apply(session_);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "DELETE");
    return request("删除 " + path);
  }

 private:
  struct Headers {
    explicit Headers(std::initializer_list<std::string> lines) {
      for (const auto& line : lines) list = curl_slist_append(list, line.c_str());
    }
    ~Headers() { curl_slist_free_all(list); }
    Headers(const Headers&) = delete;
    Headers& operator=(const Headers&) = delete;
    void apply(CurlSession& session) const {
      // start() returned the same handle; set through the session's handle.
      curl_easy_setopt(session.handle(), CURLOPT_HTTPHEADER, list);
    }
    curl_slist* list = nullptr;
  };

  CURL* start(const std::string& path) {
    CURL* curl = session_.start(remote_url(target_, path));
    curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, sigv4_.c_str());
    curl_easy_setopt(curl, CURLOPT_USERNAME, secrets_.s3_key_id.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, secrets_.s3_secret.c_str());
    return curl;
  }

  TransferResult request(const std::string& what) {
    std::string body;
    session_.receive(&body);
    const CURLcode code = session_.perform();
    if (code != CURLE_OK) return curl_failure(code, what, target_, session_.error_text());
    const long status = session_.response_code();
    if (status == 200 || status == 204) return {};
    return failure(status, what, error_code(body));
  }

  TransferResult failure(long status, const std::string& what, const std::string& s3_code) {
    if (s3_code == "NoSuchBucket") {
      return {TransferStatus::refused, "对象存储中没有存储桶“" + target_.bucket + "”（" + target_.shown +
                                           "）：请检查发布地址中的存储桶名称和 deploy.endpoint、deploy.region。"};
    }
    return http_failure(status, what, target_, s3_code);
  }

  const DeployTarget& target_;
  const DeploySecrets& secrets_;
  CurlSession session_;
  std::string sigv4_;
};

}  // namespace

std::unique_ptr<Transport> make_s3_transport(const DeployTarget& target, const DeploySecrets& secrets) {
  return std::make_unique<S3Transport>(target, secrets);
}

}  // namespace zhuanlan
