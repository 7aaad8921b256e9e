#include "deploy/deploy_target.h"

#include <curl/curl.h>

#include <memory>

namespace zhuanlan {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

std::optional<std::string> url_part(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, flags) != CURLUE_OK || value == nullptr) return std::nullopt;
  std::string text(value);
  curl_free(value);
  return text;
}

bool plain_path(const std::string& path) {
  for (const char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                    c == '.' || c == '-' || c == '_' || c == '~';
    if (!ok) return false;
  }
  return path.find("/../") == std::string::npos && path.find("/./") == std::string::npos;
}

std::string with_slashes(std::string path) {
  if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
  if (path.back() != '/') path.push_back('/');
  return path;
}

std::string encode_path(const std::string& path) {
  std::string out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::string segment = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    char* escaped = curl_easy_escape(nullptr, segment.data(), static_cast<int>(segment.size()));
    if (escaped != nullptr) {
      out += escaped;
      curl_free(escaped);
    }
    if (slash == std::string::npos) break;
    out.push_back('/');
    start = slash + 1;
  }
  return out;
}

bool valid_bucket(const std::string& bucket) {
  if (bucket.size() < 3 || bucket.size() > 63) return false;
  for (const char c : bucket) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  return true;
}

std::string host_with_port(const std::string& host, int port) {
  return port > 0 ? host + ":" + std::to_string(port) : host;
}

std::optional<DeployTarget> parse_s3(CURLU* url, const std::string& text, const std::string& endpoint,
                                     const std::string& region, std::string* error) {
  DeployTarget target;
  target.protocol = DeployProtocol::s3;
  target.bucket = url_part(url, CURLUPART_HOST).value_or("");
  if (!valid_bucket(target.bucket)) {
    *error = "发布地址“" + text + "”中的存储桶名称“" + target.bucket +
             "”不对：应为 3 到 63 个小写英文字母、数字、- 或 .，写法如 s3://zjz-2025/zjz2025/";
    return std::nullopt;
  }
  const std::string path = url_part(url, CURLUPART_PATH).value_or("/");
  if (!plain_path(path)) {
    *error = "发布地址“" + text + "”的路径含有空格、中文或特殊字符，请只用英文字母、数字和 / . - _";
    return std::nullopt;
  }
  target.prefix = with_slashes(path).substr(1);
  if (region.empty()) {
    *error = "发布到对象存储（s3://）时，请在 site.json 的 deploy 中写上 \"region\"（地域），例如 \"oss-cn-hangzhou\" 或 \"ap-guangzhou\"";
    return std::nullopt;
  }
  target.region = region;
  std::string service = endpoint.empty() ? "https://s3." + region + ".amazonaws.com" : endpoint;
  if (service.find("://") == std::string::npos) service = "https://" + service;
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (curl_url_set(parsed.get(), CURLUPART_URL, service.c_str(), 0) != CURLUE_OK) {
    *error = "deploy.endpoint “" + endpoint + "”不是有效的网址，例如 https://oss-cn-hangzhou.aliyuncs.com";
    return std::nullopt;
  }
  const std::string scheme = url_part(parsed.get(), CURLUPART_SCHEME).value_or("");
  const std::string host = url_part(parsed.get(), CURLUPART_HOST).value_or("");
  const std::string port = url_part(parsed.get(), CURLUPART_PORT).value_or("");
  const std::string service_path = url_part(parsed.get(), CURLUPART_PATH).value_or("/");
  if (url_part(parsed.get(), CURLUPART_PASSWORD) || url_part(parsed.get(), CURLUPART_USER)) {
    *error = "deploy.endpoint 里不能写用户名或密钥。对象存储的密钥请放在环境变量 ZHUANLAN_S3_KEY_ID 和 ZHUANLAN_S3_SECRET 中";
    return std::nullopt;
  }
  if (service_path != "/" && !service_path.empty()) {
    *error = "deploy.endpoint 只写服务地址，不带路径，例如 https://oss-cn-hangzhou.aliyuncs.com；路径写在 deploy.url（s3://存储桶/路径/）中";
    return std::nullopt;
  }
  target.path_style = is_loopback_host(host);
  if (scheme != "https" && !(scheme == "http" && target.path_style)) {
    *error = "deploy.endpoint 应当以 https:// 开头（只有本机测试可用 http://），否则密钥签名和文件会以明文传输";
    return std::nullopt;
  }
  target.scheme = scheme;
  target.host = host;
  target.port = port.empty() ? 0 : std::stoi(port);
  target.endpoint = scheme + "://" + host_with_port(host, target.port);
  target.shown = "s3://" + target.bucket + "/" + target.prefix + "（" + target.endpoint + "）";
  return target;
}

}  // namespace

std::string protocol_name(DeployProtocol protocol) {
  switch (protocol) {
    case DeployProtocol::sftp: return "SFTP";
    case DeployProtocol::ftp: return "FTP";
    case DeployProtocol::ftps: return "FTPS";
    case DeployProtocol::webdav: return "WebDAV";
    case DeployProtocol::s3: return "S3";
  }
  return "";
}

std::optional<DeployTarget> parse_deploy_target(const std::string& text, const std::string& endpoint,
                                                const std::string& region, std::string* error) {
  const std::string example =
      "例如 sftp://deploy@www.example.edu.cn/var/www/zjz2025/、ftps://…、https://…（WebDAV）或 s3://存储桶/zjz2025/";
  if (text.empty()) {
    *error = "没有发布地址：请在 content/site.json 中写上 \"deploy\": { \"url\": \"…\" }，或用 --to 指定，" + example;
    return std::nullopt;
  }
  std::unique_ptr<CURLU, UrlDeleter> url(curl_url());
  if (curl_url_set(url.get(), CURLUPART_URL, text.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) {
    *error = "发布地址“" + text + "”不是有效的网址，" + example;
    return std::nullopt;
  }
  if (url_part(url.get(), CURLUPART_PASSWORD)) {
    // Never repeat the URL: it holds the password.
    *error = "发布地址里不能写密码（它会留在站点文件夹和日志里）。请把地址中的“:密码”删掉，"
             "把密码放在环境变量 ZHUANLAN_DEPLOY_PASSWORD 中";
    return std::nullopt;
  }
  if (url_part(url.get(), CURLUPART_QUERY) || url_part(url.get(), CURLUPART_FRAGMENT)) {
    *error = "发布地址“" + text + "”不能带 ? 或 # 后面的部分";
    return std::nullopt;
  }
  const std::string scheme = url_part(url.get(), CURLUPART_SCHEME).value_or("");
  if (scheme == "s3") return parse_s3(url.get(), text, endpoint, region, error);

  DeployTarget target;
  target.host = url_part(url.get(), CURLUPART_HOST).value_or("");
  const std::string port = url_part(url.get(), CURLUPART_PORT).value_or("");
  target.port = port.empty() ? 0 : std::stoi(port);
  target.user = url_part(url.get(), CURLUPART_USER, CURLU_URLDECODE).value_or("");
  const std::string path = url_part(url.get(), CURLUPART_PATH).value_or("/");
  if (scheme == "sftp") {
    target.protocol = DeployProtocol::sftp;
    target.scheme = "sftp";
  } else if (scheme == "ftp") {
    target.protocol = DeployProtocol::ftp;
    target.scheme = "ftp";
  } else if (scheme == "ftps") {
    // Explicit FTPS (AUTH TLS on the FTP port) is what servers offer as
    // "FTP over TLS"; port 990 is the old implicit kind.
    target.protocol = DeployProtocol::ftps;
    target.scheme = target.port == 990 ? "ftps" : "ftp";
    target.require_tls = target.port != 990;
  } else if (scheme == "https" || scheme == "http") {
    target.protocol = DeployProtocol::webdav;
    target.scheme = scheme;
    if (scheme == "http" && !is_loopback_host(target.host)) {
      *error = "WebDAV 发布地址“" + text + "”应当以 https:// 开头：http:// 会把密码和文件以明文传输（只有本机测试可用 http://）";
      return std::nullopt;
    }
  } else {
    *error = "不支持发布地址“" + text + "”的协议“" + scheme + "”，" + example;
    return std::nullopt;
  }
  if (target.host.empty()) {
    *error = "发布地址“" + text + "”缺少服务器地址，" + example;
    return std::nullopt;
  }
  if (!plain_path(path)) {
    *error = "发布地址“" + text + "”的路径含有空格、中文或特殊字符，请只用英文字母、数字和 / . - _ 写路径";
    return std::nullopt;
  }
  target.folder = with_slashes(path);
  target.shown = scheme + "://" + (target.user.empty() ? "" : target.user + "@") + host_with_port(target.host, target.port) +
                 target.folder;
  return target;
}

std::string remote_url(const DeployTarget& target, const std::string& path) {
  const std::string encoded = encode_path(path);
  if (target.protocol == DeployProtocol::s3) {
    const std::string host = host_with_port(target.host, target.port);
    if (target.path_style) return target.scheme + "://" + host + "/" + target.bucket + "/" + target.prefix + encoded;
    return target.scheme + "://" + target.bucket + "." + host + "/" + target.prefix + encoded;
  }
  return target.scheme + "://" + host_with_port(target.host, target.port) + target.folder + encoded;
}

std::string remote_command_path(const DeployTarget& target, const std::string& path) { return target.folder + path; }

DeploySecrets deploy_secrets(const EnvironmentLookup& getenv) {
  auto value = [&](const char* name) {
    const char* text = getenv(name);
    return std::string(text == nullptr ? "" : text);
  };
  DeploySecrets secrets;
  secrets.password = value("ZHUANLAN_DEPLOY_PASSWORD");
  secrets.key_file = value("ZHUANLAN_DEPLOY_KEY");
  secrets.known_hosts = value("ZHUANLAN_KNOWN_HOSTS");
  if (secrets.known_hosts.empty() && !value("HOME").empty()) secrets.known_hosts = value("HOME") + "/.ssh/known_hosts";
  secrets.ca_file = value("ZHUANLAN_DEPLOY_CA");
  secrets.s3_key_id = value("ZHUANLAN_S3_KEY_ID");
  secrets.s3_secret = value("ZHUANLAN_S3_SECRET");
  return secrets;
}

}  // namespace zhuanlan
