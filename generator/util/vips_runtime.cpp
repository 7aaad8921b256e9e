#include "util/vips_runtime.h"

#include <gmodule.h>
#include <vips/vips8>

#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <string>

namespace zhuanlan {
namespace {

void drop_message(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

// libvips 8.14 has no switch for its modules: VIPS_INIT loads every file in
// <libdir>/vips-modules-8.14, where libdir comes from $VIPSHOME when it is
// set (libvips' documented relocation variable) and is VIPSHOME/lib then.
// Pointing it at the configured prefix spelt differently (/usr/.) skips
// them: libvips then looks for modules under a folder that does not exist,
// while its translations (prefix/share/locale) are still found.
// It is set before main (one thread, so no setenv races with getenv in
// the parallel loaders), and never over a VIPSHOME the user set.
const bool vips_home_set = [] {
  if (std::getenv("VIPSHOME") == nullptr) setenv("VIPSHOME", ZHUANLAN_VIPS_HOME_WITHOUT_MODULES, 0);
  return true;
}();

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

void load_vips_modules() {
  start_vips();
  static std::once_flag once;
  std::call_once(once, [] {
    // What VIPS_INIT would have done: open each module of the installed
    // libvips; a module registers its loaders when it is opened.
    GDir* dir = g_dir_open(ZHUANLAN_VIPS_MODULE_DIR, 0, nullptr);
    if (dir == nullptr) return;
    while (const gchar* name = g_dir_read_name(dir)) {
      if (!g_str_has_suffix(name, "." G_MODULE_SUFFIX)) continue;
      const std::string path = std::string(ZHUANLAN_VIPS_MODULE_DIR) + "/" + name;
      if (GModule* module = g_module_open(path.c_str(), G_MODULE_BIND_LAZY)) g_module_make_resident(module);
    }
    g_dir_close(dir);
  });
}

}  // namespace zhuanlan
