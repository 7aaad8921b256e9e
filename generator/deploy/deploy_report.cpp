#include "deploy/deploy_report.h"

#include <cstdio>

namespace zhuanlan {

std::string byte_size_text(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " 字节";
  const char* units[] = {"KB", "MB", "GB", "TB"};
  double value = static_cast<double>(bytes) / 1024.0;
  int unit = 0;
  while (value >= 1024.0 && unit < 3) {
    value /= 1024.0;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
  return text;
}

std::string plan_text(const DeployResult& result) {
  const DeployPlan& plan = result.plan;
  std::string text = "预演（--dry-run）：发布到 " + result.target + "，不会做任何改动。\n";
  if (result.first_deploy) text += "服务器上还没有发布记录，这将是第一次发布：全部文件都要上传，不删除任何文件。\n";
  for (const auto& upload : plan.uploads) {
    text += std::string(upload.is_new ? "  上传（新文件）" : "  上传（有改动）") + " " + upload.path + "（" +
            byte_size_text(upload.size) + "）\n";
  }
  for (const auto& path : plan.deletions) text += "  删除 " + path + "\n";
  text += "合计：上传 " + std::to_string(plan.uploads.size()) + " 个文件（" + byte_size_text(plan.upload_bytes) + "），删除 " +
          std::to_string(plan.deletions.size()) + " 个文件，" + std::to_string(plan.unchanged) + " 个文件没有变化。\n";
  return text;
}

std::string summary_line(const DeployResult& result) {
  const DeployPlan& plan = result.plan;
  if (result.ok) {
    if (plan.uploads.empty() && plan.deletions.empty()) {
      return "发布完成：" + result.target + " 上的网站已是最新（" + std::to_string(plan.unchanged) + " 个文件），没有传输任何文件。";
    }
    return "发布完成：上传 " + std::to_string(result.uploaded) + " 个文件（" + byte_size_text(result.bytes_sent) + "），删除 " +
           std::to_string(result.deleted) + " 个文件，" + std::to_string(plan.unchanged) + " 个文件没有变化，已发布到 " +
           result.target + "。";
  }
  if (result.uploaded + result.deleted == 0) return "发布未完成，服务器上的网站没有改动。";
  return "发布未完成：已上传 " + std::to_string(result.uploaded) + " 个文件、删除 " + std::to_string(result.deleted) +
         " 个文件。请解决上面的问题后重新运行，已经传好的文件不会再传一遍。";
}

}  // namespace zhuanlan
