#include "deploy/curl_session.h"

#include <algorithm>
#include <cstring>

namespace zhuanlan {

CurlSession::CurlSession(const DeployTarget& target, const DeploySecrets& secrets)
    : handle_(curl_easy_init()), target_(target), secrets_(secrets) {}

CurlSession::~CurlSession() {
  if (handle_ != nullptr) curl_easy_cleanup(handle_);
}

CURL* CurlSession::start(const std::string& url) {
  curl_easy_reset(handle_);
  upload_ = {};
  upload_offset_ = 0;
  error_[0] = '\0';
  curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle_, CURLOPT_PROTOCOLS_STR, target_.scheme.c_str());
  curl_easy_setopt(handle_, CURLOPT_ERRORBUFFER, error_);
  curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle_, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle_, CURLOPT_CONNECTTIMEOUT, 20L);
  // A transfer that moves nothing for a minute is given up (and tried again).
  curl_easy_setopt(handle_, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(handle_, CURLOPT_LOW_SPEED_TIME, 60L);
  curl_easy_setopt(handle_, CURLOPT_USERAGENT, "zhuanlan-deploy/1");
  if (!secrets_.ca_file.empty()) curl_easy_setopt(handle_, CURLOPT_CAINFO, secrets_.ca_file.c_str());
  curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &CurlSession::write_body);
  curl_easy_setopt(handle_, CURLOPT_WRITEDATA, nullptr);
  return handle_;
}

void CurlSession::send(std::string_view bytes) {
  upload_ = bytes;
  upload_offset_ = 0;
  curl_easy_setopt(handle_, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
  curl_easy_setopt(handle_, CURLOPT_READFUNCTION, &CurlSession::read_body);
  curl_easy_setopt(handle_, CURLOPT_READDATA, this);
  curl_easy_setopt(handle_, CURLOPT_SEEKFUNCTION, &CurlSession::seek_body);
  curl_easy_setopt(handle_, CURLOPT_SEEKDATA, this);
}

void CurlSession::receive(std::string* body) {
  curl_easy_setopt(handle_, CURLOPT_WRITEDATA, body);
}

CURLcode CurlSession::perform() { return curl_easy_perform(handle_); }

long CurlSession::response_code() const {
  long code = 0;
  curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &code);
  return code;
}

size_t CurlSession::read_body(char* buffer, size_t size, size_t count, void* self) {
  auto* session = static_cast<CurlSession*>(self);
  const std::size_t n = std::min(size * count, session->upload_.size() - session->upload_offset_);
  std::memcpy(buffer, session->upload_.data() + session->upload_offset_, n);
  session->upload_offset_ += n;
  return n;
}

int CurlSession::seek_body(void* self, curl_off_t offset, int origin) {
  auto* session = static_cast<CurlSession*>(self);
  if (origin != SEEK_SET || offset < 0 || static_cast<std::size_t>(offset) > session->upload_.size()) {
    return CURL_SEEKFUNC_CANTSEEK;
  }
  session->upload_offset_ = static_cast<std::size_t>(offset);
  return CURL_SEEKFUNC_OK;
}

size_t CurlSession::write_body(char* data, size_t size, size_t count, void* body) {
  if (body != nullptr) static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

TransferResult curl_failure(CURLcode code, const std::string& what, const DeployTarget& target, const char* error_text) {
  const std::string server = target.shown;
  const std::string detail = error_text != nullptr && error_text[0] != '\0' ? std::string(error_text) : curl_easy_strerror(code);
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return {TransferStatus::refused, "找不到服务器 " + target.host + "：请检查发布地址中的服务器名称和本机的网络。"};
    case CURLE_COULDNT_CONNECT:
      return {TransferStatus::failed, "连接不上服务器（" + server + "）：请确认地址和端口正确、服务器已开启、防火墙允许连接。（" + detail + "）"};
    case CURLE_LOGIN_DENIED:
      return {TransferStatus::refused,
              "服务器拒绝登录（" + server + "）：用户名、密码或密钥不对。请检查发布地址中的用户名和环境变量 "
              "ZHUANLAN_DEPLOY_PASSWORD、ZHUANLAN_DEPLOY_KEY。"};
    case CURLE_AUTH_ERROR:
      return {TransferStatus::refused, "服务器拒绝登录（" + server + "）：登录方式不被接受。（" + detail + "）"};
    case CURLE_REMOTE_ACCESS_DENIED:
      return {TransferStatus::refused, what + "时服务器拒绝访问（" + server + "）：登录的用户对这个文件夹没有写入权限，请联系服务器管理员。（" + detail + "）"};
    case CURLE_PEER_FAILED_VERIFICATION:
      return {TransferStatus::refused,
              "无法确认服务器的身份（" + server + "）：它的证书不受信任。如果网络中心使用自己签发的证书，"
              "请向他们要 CA 证书文件，把文件路径放在环境变量 ZHUANLAN_DEPLOY_CA 中。（" + detail + "）"};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_USE_SSL_FAILED:
      return {TransferStatus::refused, "无法与服务器建立加密连接（" + server + "）：服务器可能不支持 TLS。（" + detail + "）"};
    case CURLE_REMOTE_DISK_FULL:
      return {TransferStatus::refused, what + "失败：服务器的磁盘已满（" + server + "）。"};
    case CURLE_OPERATION_TIMEDOUT:
      return {TransferStatus::failed, what + "超时（" + server + "）。"};
    default:
      return {TransferStatus::failed, what + "失败（" + server + "）：" + detail};
  }
}

TransferResult http_failure(long status, const std::string& what, const DeployTarget& target, const std::string& detail) {
  const std::string code = " HTTP " + std::to_string(status) + (detail.empty() ? "" : " " + detail);
  if (status == 401) {
    return {TransferStatus::refused, "服务器拒绝登录（" + target.shown + "）：用户名或密码不对。请检查发布地址中的用户名和环境变量 ZHUANLAN_DEPLOY_PASSWORD。（" + code + "）"};
  }
  if (status == 403) {
    if (target.protocol == DeployProtocol::s3) {
      return {TransferStatus::refused, "对象存储拒绝了请求（" + target.shown + "）：密钥不对或没有写入权限。请检查环境变量 "
                                       "ZHUANLAN_S3_KEY_ID、ZHUANLAN_S3_SECRET 和 deploy.region。（" + code + "）"};
    }
    return {TransferStatus::refused, what + "时服务器拒绝访问（" + target.shown + "）：没有写入权限，请联系服务器管理员。（" + code + "）"};
  }
  if (status == 507) return {TransferStatus::refused, what + "失败：服务器的存储空间已满（" + target.shown + "）。"};
  if (status >= 500 || status == 408 || status == 429) {
    return {TransferStatus::failed, what + "失败：服务器暂时出错（" + target.shown + "，" + code + "）。"};
  }
  return {TransferStatus::refused, what + "失败（" + target.shown + "，" + code + "）。"};
}

}  // namespace zhuanlan
