#include "util/vips_runtime.h"

#include <vips/vips8>

#include <mutex>
#include <stdexcept>

namespace zhuanlan {
namespace {

void drop_message(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

}  // namespace

void start_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("zhuanlan") != 0) throw std::runtime_error("无法启动图片处理库 libvips");
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    g_log_set_handler("VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE), drop_message,
                      nullptr);
  });
}

}  // namespace zhuanlan
