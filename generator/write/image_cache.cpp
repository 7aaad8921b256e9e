#include "write/image_cache.h"

#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "util/files.h"
#include "util/hash.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

using json = nlohmann::json;

constexpr const char* kWorkFolder = "work";
// {"format": 1, "files": {"<name>": {"size": N, "sha256": "<hex>"}, …}}
constexpr const char* kRecordFile = "entry.json";
constexpr int kRecordFormat = 1;

fs::path entry_dir(const fs::path& cache_dir, const std::string& key) { return cache_dir / key.substr(0, 2) / key; }

// A fresh folder name under work/, unique across threads and processes.
fs::path work_path(const fs::path& cache_dir, const std::string& key, const char* purpose) {
  static std::atomic<unsigned> counter{0};
  return cache_dir / kWorkFolder /
         (key + "." + purpose + "." + std::to_string(::getpid()) + "." + std::to_string(counter++));
}

// Records every file fill() wrote, in the folder that is about to become
// the entry.
void write_record(const fs::path& dir) {
  std::vector<fs::path> names;
  for (const auto& file : fs::directory_iterator(dir)) {
    if (file.is_regular_file()) names.push_back(file.path().filename());
  }
  std::sort(names.begin(), names.end());
  json files = json::object();
  for (const auto& name : names) {
    const auto hash = sha256_file_hex(dir / name);
    if (!hash) throw std::runtime_error("无法读取刚生成的 " + (dir / name).string());
    files[name.string()] = {{"size", fs::file_size(dir / name)}, {"sha256", *hash}};
  }
  std::ofstream out(dir / kRecordFile, std::ios::binary | std::ios::trunc);
  out << json{{"format", kRecordFormat}, {"files", std::move(files)}}.dump() << '\n';
  out.close();
  if (!out) throw std::runtime_error("无法写入图片缓存文件夹 " + dir.string() + "，请检查磁盘空间");
}

// The entry checked against its record; never changes anything.
CacheLookup verify_entry(const fs::path& dir, const std::vector<std::string>& files) {
  CacheLookup lookup;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return lookup;
  const auto text = read_file(dir / kRecordFile);
  if (!text) return lookup;  // an entry of an earlier version: made again, nothing is wrong
  lookup.state = CacheLookup::State::damaged;
  lookup.damaged_file = kRecordFile;
  const json record = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!record.is_object() || record.value("format", 0) != kRecordFormat) return lookup;
  const auto recorded = record.find("files");
  if (recorded == record.end() || !recorded->is_object()) return lookup;
  for (const auto& name : files) {
    lookup.damaged_file = name;
    const auto it = recorded->find(name);
    if (it == recorded->end() || !it->is_object()) return lookup;
    const auto size = fs::file_size(dir / name, ec);
    if (ec) return lookup;
    if (!it->contains("size") || !(*it)["size"].is_number_unsigned() || (*it)["size"].get<std::uintmax_t>() != size) {
      lookup.size_changed = true;
      return lookup;
    }
    const auto hash = sha256_file_hex(dir / name);
    if (!hash || !it->contains("sha256") || (*it)["sha256"] != *hash) return lookup;
  }
  lookup.state = CacheLookup::State::found;
  lookup.damaged_file.clear();
  lookup.dir = dir;
  return lookup;
}

}  // namespace

fs::path image_cache_dir(const fs::path& site_dir) { return site_dir / kCacheFolder / "images"; }

std::string image_cache_key(std::string_view source_sha256, std::string_view recipe) {
  return sha256_hex(std::string(source_sha256) + "\n" + std::string(recipe));
}

CacheLookup find_cache_entry(const fs::path& cache_dir, const std::string& key, const std::vector<std::string>& files) {
  const fs::path dir = entry_dir(cache_dir, key);
  CacheLookup lookup = verify_entry(dir, files);
  std::error_code ec;
  if (lookup.state == CacheLookup::State::found) {
    fs::last_write_time(dir, fs::file_time_type::clock::now(), ec);
  } else if (fs::exists(dir, ec)) {
    // Moved out of the way in one step, then removed: the files inside may
    // be published, so they are unlinked, never rewritten.
    const fs::path aside = work_path(cache_dir, key, "removed");
    fs::create_directories(aside.parent_path(), ec);
    // When the rename fails another build has just done the same.
    fs::rename(dir, aside, ec);
    if (!ec) fs::remove_all(aside, ec);
  }
  return lookup;
}

fs::path store_cache_entry(const fs::path& cache_dir, const std::string& key,
                           const std::function<void(const fs::path&)>& fill) {
  const fs::path work = work_path(cache_dir, key, "new");
  const fs::path final_dir = entry_dir(cache_dir, key);
  std::error_code ec;
  fs::create_directories(work, ec);
  fs::create_directories(final_dir.parent_path(), ec);
  if (ec) throw std::runtime_error("无法创建图片缓存文件夹 " + final_dir.parent_path().string() + "：" + ec.message());
  try {
    fill(work);
    write_record(work);
  } catch (...) {
    fs::remove_all(work, ec);
    throw;
  }
  fs::rename(work, final_dir, ec);
  if (ec) {
    // Another build made the same entry meanwhile: keep that one if it is whole.
    fs::remove_all(work, ec);
    std::vector<std::string> names;
    for (const auto& file : fs::directory_iterator(final_dir, ec)) {
      if (file.path().filename() != kRecordFile) names.push_back(file.path().filename().string());
    }
    if (names.empty() || verify_entry(final_dir, names).state != CacheLookup::State::found) {
      throw std::runtime_error("无法写入图片缓存文件夹 " + final_dir.string());
    }
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
