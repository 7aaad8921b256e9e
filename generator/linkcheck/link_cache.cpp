#include "linkcheck/link_cache.h"

#include <nlohmann/json.hpp>
#include <system_error>

#include "util/files.h"

namespace zhuanlan {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {
constexpr int kFormat = 1;
}

LinkCache read_link_cache(const fs::path& file) {
  LinkCache cache;
  const auto text = read_file(file);
  if (!text) return cache;
  const json doc = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || doc.value("format", 0) != kFormat || !doc.contains("ok") || !doc["ok"].is_object()) {
    return cache;
  }
  for (const auto& [url, when] : doc["ok"].items()) {
    if (when.is_number_integer()) cache.ok_at[url] = std::chrono::sys_seconds(std::chrono::seconds(when.get<long long>()));
  }
  return cache;
}

void write_link_cache(const fs::path& file, const LinkCache& cache) {
  json ok = json::object();
  for (const auto& [url, when] : cache.ok_at) ok[url] = when.time_since_epoch().count();
  std::string text;
  try {
    text = json{{"format", kFormat}, {"ok", ok}}.dump(1) + "\n";
  } catch (const json::exception&) {  // a URL that is not UTF-8: keep no record
    return;
  }
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  fs::path temporary = file;
  temporary += ".tmp";
  if (write_file(temporary, text)) fs::rename(temporary, file, ec);
}

bool recently_ok(const LinkCache& cache, const std::string& url, std::chrono::sys_seconds now) {
  const auto it = cache.ok_at.find(url);
  return it != cache.ok_at.end() && it->second <= now && now - it->second < kLinkSuccessLifetime;
}

}  // namespace zhuanlan
