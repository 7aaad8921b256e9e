#include "write/build_manifest.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <system_error>
#include <vector>

#include "util/files.h"
#include "util/hash.h"
#include "write/build_site.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

using json = nlohmann::json;

constexpr int kFormat = 2;  // 1 was the line-based text file <out>.zhuanlan-manifest

// Time stamps closer than this to the moment they were read may be shared
// by a later change (file systems stamp with a coarse clock; some network
// and FAT file systems only to the second or two).
constexpr long long kSettleNanoseconds = 2'000'000'000LL;

long long mtime_ns(const struct stat& info) {
  return static_cast<long long>(info.st_mtim.tv_sec) * 1'000'000'000LL + info.st_mtim.tv_nsec;
}

struct Listing {
  std::string text;
  long long newest_mtime_ns = 0;
  bool ok = true;  // false when a name cannot be written on one line
};

// Appends "path\tsize\tmtime_ns\n" for every entry below the directory open
// as dir_fd, in name order. Symbolic links are followed for their stamps
// but not descended into (the build never follows a linked folder either).
void list_directory(int dir_fd, const std::string& prefix, Listing& listing) {
  DIR* dir = ::fdopendir(dir_fd);
  if (dir == nullptr) {
    ::close(dir_fd);
    listing.ok = false;
    return;
  }
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (name.find_first_of("\t\n") != std::string::npos) listing.ok = false;
    struct stat link_info {};
    if (::fstatat(dir_fd, name.c_str(), &link_info, AT_SYMLINK_NOFOLLOW) != 0) {
      listing.ok = false;
      continue;
    }
    if (S_ISDIR(link_info.st_mode)) {
      const int child = ::openat(dir_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (child < 0) {
        listing.ok = false;
        continue;
      }
      list_directory(child, prefix + name + "/", listing);
      continue;
    }
    struct stat info = link_info;
    if (S_ISLNK(link_info.st_mode)) ::fstatat(dir_fd, name.c_str(), &info, 0);  // a broken link keeps its own stamp
    const long long stamp = mtime_ns(info);
    listing.newest_mtime_ns = std::max(listing.newest_mtime_ns, stamp);
    listing.text += prefix;
    listing.text += name;
    listing.text += '\t';
    listing.text += std::to_string(static_cast<long long>(info.st_size));
    listing.text += '\t';
    listing.text += std::to_string(stamp);
    listing.text += '\n';
  }
  ::closedir(dir);  // closes dir_fd too
}

// Every file below root, as "<label>/relative/path". A missing root lists
// nothing, which is different from an empty one only by its heading.
void list_tree(const fs::path& root, const std::string& label, Listing& listing) {
  const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    listing.text += "(" + label + " missing)\n";
    return;
  }
  list_directory(fd, label + "/", listing);
}

fs::path normal_out_dir(const fs::path& out_dir) {
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return out;
}

std::string canonical_or_absolute(const fs::path& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  return (ec ? fs::absolute(path) : canonical).string();
}

std::string output_listing(const fs::path& out_dir, bool* ok) {
  Listing listing;
  list_tree(out_dir, "public", listing);
  *ok = listing.ok;
  return listing.text;
}

// A listing as the manifest keeps it: its number of lines and its SHA-256.
// Equal digests mean equal listings, and the record stays a few hundred
// bytes at any site size (a 10,000-item site lists about 23,000 files,
// which as JSON took longer to parse than the whole no-change check).
json listing_record(const std::string& listing) {
  return {{"entries", std::count(listing.begin(), listing.end(), '\n')}, {"sha256", sha256_hex(listing)}};
}

// The manifest of format 1, which nothing reads any more.
fs::path old_manifest_path(const fs::path& out_dir) {
  fs::path path = normal_out_dir(out_dir);
  path += ".zhuanlan-manifest";
  return path;
}

}  // namespace

fs::path build_manifest_path(const fs::path& out_dir) {
  fs::path path = normal_out_dir(out_dir);
  path += ".zhuanlan-manifest.json";
  return path;
}

BuildInputs record_inputs(const BuildOptions& options, const fs::path& site_dir, const fs::path& out_dir) {
  BuildInputs inputs;
  // The program itself: a new version may render the same content
  // differently, and the shipped layouts and assets live inside it.
  struct stat program {};
  const bool have_program = ::stat("/proc/self/exe", &program) == 0;
  const json key = {{"program",
                     {{"device", static_cast<long long>(program.st_dev)},
                      {"inode", static_cast<long long>(program.st_ino)},
                      {"size", static_cast<long long>(program.st_size)},
                      {"mtime_ns", mtime_ns(program)}}},
                    {"site", canonical_or_absolute(site_dir)},
                    {"out", canonical_or_absolute(normal_out_dir(out_dir))},
                    {"drafts", options.include_drafts},
                    {"base_url", options.base_url}};
  // Invalid UTF-8 in a folder name cannot be written as JSON: no record then.
  try {
    inputs.key = key.dump();
  } catch (const json::exception&) {
    return inputs;
  }
  Listing listing;
  const auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
  // Everything under content/ counts, not only the kinds this version
  // reads, so that the record stays right whatever the loaders read.
  for (const char* folder : {"content", "layouts", "assets"}) list_tree(site_dir / folder, folder, listing);
  inputs.files = std::move(listing.text);
  inputs.usable = have_program && listing.ok && listing.newest_mtime_ns < now - kSettleNanoseconds;
  return inputs;
}

std::optional<PreviousBuild> unchanged_since_last_build(const BuildInputs& inputs, const fs::path& out_dir,
                                                        std::chrono::sys_seconds now) {
  if (!inputs.usable) return std::nullopt;
  const auto text = read_file(build_manifest_path(out_dir));
  if (!text) return std::nullopt;
  // A manifest that cannot be read as this format (damaged, cut short, from
  // another version) only costs the shortcut: the build goes on in full.
  const json manifest = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  try {
    if (!manifest.is_object() || manifest.value("format", 0) != kFormat) return std::nullopt;
    if (manifest.at("key").dump() != inputs.key) return std::nullopt;
    if (manifest.at("inputs") != listing_record(inputs.files)) return std::nullopt;
    if (manifest.contains("next_publication") && manifest.at("next_publication").get<long long>() <= now.time_since_epoch().count()) {
      return std::nullopt;  // a scheduled item is due: the site changes although no file did
    }
    bool outputs_ok = false;
    const std::string outputs = output_listing(out_dir, &outputs_ok);
    if (!outputs_ok || manifest.at("outputs") != listing_record(outputs)) return std::nullopt;
    PreviousBuild previous;
    previous.pages = manifest.at("pages").get<std::size_t>();
    for (const json& warning : manifest.at("warnings")) {
      previous.warnings.warning(warning.at("file").get<std::string>(), warning.at("line").get<int>(),
                                warning.at("message").get<std::string>());
    }
    return previous;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

void save_build_manifest(const BuildInputs& inputs, const fs::path& out_dir, std::size_t pages,
                         std::optional<std::chrono::sys_seconds> next_publication, const Diagnostics& diagnostics) {
  const fs::path path = build_manifest_path(out_dir);
  std::error_code ec;
  bool outputs_ok = false;
  const std::string outputs = output_listing(out_dir, &outputs_ok);
  fs::remove(old_manifest_path(out_dir), ec);
  if (!inputs.usable || !outputs_ok || diagnostics.has_errors()) {
    fs::remove(path, ec);  // a record of an older build must not outlive this one
    return;
  }
  json warnings = json::array();
  for (const auto& d : diagnostics.items) {
    warnings.push_back({{"file", d.file}, {"line", d.line}, {"message", d.message}});
  }
  json manifest = {{"format", kFormat},
                         {"key", json::parse(inputs.key)},
                         {"inputs", listing_record(inputs.files)},
                         {"outputs", listing_record(outputs)},
                         {"pages", pages},
                         {"warnings", std::move(warnings)}};
  if (next_publication) manifest["next_publication"] = next_publication->time_since_epoch().count();
  std::string text;
  try {
    text = manifest.dump() + "\n";
  } catch (const json::exception&) {  // invalid UTF-8 in a warning: keep no record
    fs::remove(path, ec);
    return;
  }
  fs::path temporary = path;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      fs::remove(temporary, ec);
      fs::remove(path, ec);
      return;
    }
  }
  fs::rename(temporary, path, ec);
  if (ec) fs::remove(temporary, ec);
}

}  // namespace zhuanlan
