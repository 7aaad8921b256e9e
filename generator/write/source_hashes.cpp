#include "write/source_hashes.h"

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <system_error>

#include "util/files.h"
#include "util/hash.h"
#include "util/parallel.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

using json = nlohmann::json;

constexpr const char* kMemoFile = "sources.json";
constexpr const char* kOldMemoFile = "sources.tsv";  // the tab-separated memo of earlier versions
constexpr int kMemoFormat = 1;

struct Stamp {
  long long size = -1, modified_ns = 0, changed_ns = 0, inode = 0;
  bool operator==(const Stamp&) const = default;
};

struct Remembered {
  Stamp stamp;
  std::string hash;
};

std::optional<Stamp> stamp_of(const fs::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  return Stamp{static_cast<long long>(st.st_size),
               static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
               static_cast<long long>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec,
               static_cast<long long>(st.st_ino)};
}

// {"format": 1, "files": {"<path>": [hash, size, modified_ns, changed_ns,
// inode], …}}, written compactly. A file or entry that does not read as
// this is forgotten, which only means hashing those photos again.
std::map<std::string, Remembered> read_memo(const fs::path& file) {
  std::map<std::string, Remembered> memo;
  const auto text = read_file(file);
  if (!text) return memo;
  const json document = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || document.value("format", 0) != kMemoFormat) return memo;
  const auto files = document.find("files");
  if (files == document.end() || !files->is_object()) return memo;
  for (const auto& [path, fields] : files->items()) {
    try {
      Remembered entry;
      entry.hash = fields.at(0).get<std::string>();
      entry.stamp = {fields.at(1).get<long long>(), fields.at(2).get<long long>(), fields.at(3).get<long long>(),
                     fields.at(4).get<long long>()};
      if (entry.hash.size() == 64 && fields.size() == 5) memo[path] = entry;
    } catch (const json::exception&) {
    }
  }
  return memo;
}

void write_memo(const fs::path& file, const std::map<std::string, Remembered>& memo) {
  json files = json::object();
  for (const auto& [path, entry] : memo) {
    files[path] = {entry.hash, entry.stamp.size, entry.stamp.modified_ns, entry.stamp.changed_ns, entry.stamp.inode};
  }
  std::string text;
  try {
    text = json{{"format", kMemoFormat}, {"files", std::move(files)}}.dump() + "\n";
  } catch (const json::exception&) {  // a path that is not UTF-8: keep no memo
    return;
  }
  // Written beside and renamed, so a build running at the same time reads
  // the old list or the new one, never half of one.
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  fs::remove(file.parent_path() / kOldMemoFile, ec);
  const fs::path temporary = file.string() + "." + std::to_string(::getpid());
  std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (out) fs::rename(temporary, file, ec);
  if (!out || ec) fs::remove(temporary, ec);  // only a memo: the next build hashes again
}

}  // namespace

std::vector<std::string> hash_sources(const fs::path& content_dir, const std::vector<std::string>& paths,
                                      const fs::path& cache_dir, std::size_t* hashed) {
  std::map<std::string, Remembered> memo = read_memo(cache_dir / kMemoFile);
  std::vector<std::string> hashes(paths.size());
  std::vector<std::optional<Stamp>> stamps(paths.size());
  std::vector<std::size_t> to_read;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    stamps[i] = stamp_of(content_dir / paths[i]);
    const auto it = memo.find(paths[i]);
    if (stamps[i] && it != memo.end() && it->second.stamp == *stamps[i]) hashes[i] = it->second.hash;
    else to_read.push_back(i);
  }
  parallel_for(to_read.size(), [&](std::size_t k) {
    const std::size_t i = to_read[k];
    hashes[i] = sha256_file_hex(content_dir / paths[i]).value_or("");
  });
  *hashed += to_read.size();
  if (to_read.empty()) return hashes;
  for (const std::size_t i : to_read) {
    if (stamps[i] && !hashes[i].empty()) memo[paths[i]] = {*stamps[i], hashes[i]};
    else memo.erase(paths[i]);
  }
  for (auto it = memo.begin(); it != memo.end();) {  // photos removed from content/
    it = fs::exists(content_dir / it->first) ? std::next(it) : memo.erase(it);
  }
  write_memo(cache_dir / kMemoFile, memo);
  return hashes;
}

}  // namespace zhuanlan
