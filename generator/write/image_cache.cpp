#include "write/image_cache.h"

#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <system_error>

#include "util/hash.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

constexpr const char* kWorkFolder = "work";

fs::path entry_dir(const fs::path& cache_dir, const std::string& key) { return cache_dir / key.substr(0, 2) / key; }

}  // namespace

fs::path image_cache_dir(const fs::path& site_dir) { return site_dir / kCacheFolder / "images"; }

std::string image_cache_key(std::string_view source_sha256, std::string_view recipe) {
  return sha256_hex(std::string(source_sha256) + "\n" + std::string(recipe));
}

std::optional<fs::path> find_cache_entry(const fs::path& cache_dir, const std::string& key,
                                         const std::vector<std::string>& files) {
  const fs::path dir = entry_dir(cache_dir, key);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return std::nullopt;
  for (const auto& file : files) {
    if (!fs::is_regular_file(dir / file, ec)) {
      fs::remove_all(dir, ec);  // someone deleted part of it: make it again
      return std::nullopt;
    }
  }
  fs::last_write_time(dir, fs::file_time_type::clock::now(), ec);
  return dir;
}

fs::path store_cache_entry(const fs::path& cache_dir, const std::string& key,
                           const std::function<void(const fs::path&)>& fill) {
  static std::atomic<unsigned> counter{0};
  const fs::path work = cache_dir / kWorkFolder / (key + "." + std::to_string(::getpid()) + "." + std::to_string(counter++));
  const fs::path final_dir = entry_dir(cache_dir, key);
  std::error_code ec;
  fs::create_directories(work, ec);
  fs::create_directories(final_dir.parent_path(), ec);
  if (ec) throw std::runtime_error("无法创建图片缓存文件夹 " + final_dir.parent_path().string() + "：" + ec.message());
  try {
    fill(work);
  } catch (...) {
    fs::remove_all(work, ec);
    throw;
  }
  fs::rename(work, final_dir, ec);
  if (ec) {
    // Another build made the same entry meanwhile: keep that one.
    fs::remove_all(work, ec);
    if (!fs::is_directory(final_dir, ec)) throw std::runtime_error("无法写入图片缓存文件夹 " + final_dir.string());
  }
  return final_dir;
}

std::size_t prune_image_cache(const fs::path& cache_dir, std::chrono::hours max_age) {
  std::size_t removed = 0;
  std::error_code ec;
  const auto cutoff = fs::file_time_type::clock::now() - max_age;
  for (const auto& group : fs::directory_iterator(cache_dir, ec)) {
    if (!group.is_directory(ec)) continue;
    const bool work = group.path().filename() == kWorkFolder;
    for (const auto& entry : fs::directory_iterator(group.path(), ec)) {
      // Work folders of a build still running are minutes old at most.
      const auto limit = work ? fs::file_time_type::clock::now() - std::chrono::hours(24) : cutoff;
      if (entry.last_write_time(ec) < limit && !ec) {
        fs::remove_all(entry.path(), ec);
        if (!work) ++removed;
      }
    }
  }
  return removed;
}

}  // namespace zhuanlan
