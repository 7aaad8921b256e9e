#include "deploy/transport.h"

#include <filesystem>

namespace zhuanlan {

std::string missing_credentials(const DeployTarget& target, const DeploySecrets& secrets) {
  std::error_code ec;
  switch (target.protocol) {
    case DeployProtocol::sftp:
      if (target.user.empty()) {
        return "SFTP 发布地址中缺少用户名，请写成 sftp://用户名@服务器/路径/";
      }
      if (!secrets.key_file.empty() && !std::filesystem::is_regular_file(secrets.key_file, ec)) {
        return "找不到环境变量 ZHUANLAN_DEPLOY_KEY 所指的 SSH 私钥文件 " + secrets.key_file;
      }
      if (secrets.key_file.empty() && secrets.password.empty()) {
        return "SFTP 需要登录凭据：请把 SSH 私钥文件的路径放在环境变量 ZHUANLAN_DEPLOY_KEY 中，"
               "或把密码放在环境变量 ZHUANLAN_DEPLOY_PASSWORD 中";
      }
      if (secrets.known_hosts.empty() || !std::filesystem::is_regular_file(secrets.known_hosts, ec)) {
        return "找不到记录服务器主机密钥的文件" + (secrets.known_hosts.empty() ? "" : "（" + secrets.known_hosts + "）") +
               "，无法确认服务器的身份，已拒绝连接。请向网络中心要到服务器主机密钥的指纹，核对后写入 ~/.ssh/known_hosts，"
               "或用环境变量 ZHUANLAN_KNOWN_HOSTS 指定这个文件";
      }
      return "";
    case DeployProtocol::ftp:
    case DeployProtocol::ftps:
    case DeployProtocol::webdav:
      if (!target.user.empty() && secrets.password.empty()) {
        return "请把 " + target.user + " 的密码放在环境变量 ZHUANLAN_DEPLOY_PASSWORD 中（不要写进 site.json）";
      }
      return "";
    case DeployProtocol::s3:
      if (secrets.s3_key_id.empty() || secrets.s3_secret.empty()) {
        return "发布到对象存储需要访问密钥：请把 AccessKey ID 放在环境变量 ZHUANLAN_S3_KEY_ID 中，"
               "AccessKey Secret 放在 ZHUANLAN_S3_SECRET 中";
      }
      return "";
  }
  return "";
}

std::unique_ptr<Transport> make_transport(const DeployTarget& target, const DeploySecrets& secrets) {
  switch (target.protocol) {
    case DeployProtocol::sftp: return make_sftp_transport(target, secrets);
    case DeployProtocol::ftp:
    case DeployProtocol::ftps: return make_ftp_transport(target, secrets);
    case DeployProtocol::webdav: return make_webdav_transport(target, secrets);
    case DeployProtocol::s3: return make_s3_transport(target, secrets);
  }
  return nullptr;
}

}  // namespace zhuanlan
