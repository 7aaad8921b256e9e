#include "write/build_manifest.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <system_error>
#include <vector>

#include "util/files.h"
#include "write/build_site.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

constexpr const char* kFormat = "zhuanlan-manifest 1\n";
constexpr const char* kInputsHeading = "[inputs]\n";
constexpr const char* kOutputsHeading = "[outputs]\n";
constexpr const char* kWarningsHeading = "[warnings]\n";

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

std::string escape_field(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '[') out += "\\[";  // no line of a section may start with '['
    else out += c;
  }
  return out;
}

std::string unescape_field(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const char next = text[++i];
      out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string output_listing(const fs::path& out_dir, bool* ok) {
  Listing listing;
  list_tree(out_dir, "public", listing);
  *ok = listing.ok;
  return listing.text;
}

// The lines after heading up to the next heading ("[...]") or the end.
// Listing lines start with a folder name and warning lines with a file or
// a tab, so no line inside a section starts with '['.
std::optional<std::string_view> section(std::string_view text, std::string_view heading) {
  const std::size_t at = text.find(heading);
  if (at == std::string_view::npos || (at > 0 && text[at - 1] != '\n')) return std::nullopt;
  const std::size_t begin = at + heading.size();
  std::size_t end = begin;
  while (end < text.size() && text[end] != '[') {
    const std::size_t line_end = text.find('\n', end);
    if (line_end == std::string_view::npos) return std::nullopt;
    end = line_end + 1;
  }
  return text.substr(begin, end - begin);
}

}  // namespace

fs::path build_manifest_path(const fs::path& out_dir) {
  fs::path path = normal_out_dir(out_dir);
  path += ".zhuanlan-manifest";
  return path;
}

BuildInputs record_inputs(const BuildOptions& options, const fs::path& site_dir, const fs::path& out_dir) {
  BuildInputs inputs;
  // The program itself: a new version may render the same content
  // differently, and the shipped layouts and assets live inside it.
  struct stat program {};
  const bool have_program = ::stat("/proc/self/exe", &program) == 0;
  inputs.key = "program " + std::to_string(static_cast<long long>(program.st_dev)) + ":" +
               std::to_string(static_cast<long long>(program.st_ino)) + " " +
               std::to_string(static_cast<long long>(program.st_size)) + " " + std::to_string(mtime_ns(program)) +
               "\nsite " + escape_field(canonical_or_absolute(site_dir)) +
               "\nout " + escape_field(canonical_or_absolute(normal_out_dir(out_dir))) +
               "\ndrafts " + (options.include_drafts ? "1" : "0") +
               "\nbase_url " + escape_field(options.base_url) + "\n";
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

std::optional<PreviousBuild> unchanged_since_last_build(const BuildInputs& inputs, const fs::path& out_dir) {
  if (!inputs.usable) return std::nullopt;
  const auto text = read_file(build_manifest_path(out_dir));
  if (!text) return std::nullopt;
  const std::string head = std::string(kFormat) + inputs.key;
  if (text->compare(0, head.size(), head) != 0) return std::nullopt;
  const auto recorded_inputs = section(*text, kInputsHeading);
  if (!recorded_inputs || *recorded_inputs != inputs.files) return std::nullopt;
  const auto recorded_outputs = section(*text, kOutputsHeading);
  bool outputs_ok = false;
  if (!recorded_outputs || *recorded_outputs != output_listing(out_dir, &outputs_ok) || !outputs_ok) return std::nullopt;
  const auto warnings = section(*text, kWarningsHeading);
  if (!warnings) return std::nullopt;

  PreviousBuild previous;
  const std::size_t pages_at = text->find("\npages ", head.size() - 1);
  if (pages_at == std::string::npos) return std::nullopt;
  previous.pages = std::strtoull(text->c_str() + pages_at + 7, nullptr, 10);
  std::size_t line_start = 0;
  while (line_start < warnings->size()) {
    const std::size_t line_end = warnings->find('\n', line_start);
    const std::string_view line = warnings->substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string_view::npos || tab2 == std::string_view::npos) return std::nullopt;
    previous.warnings.warning(unescape_field(line.substr(0, tab1)),
                              std::atoi(std::string(line.substr(tab1 + 1, tab2 - tab1 - 1)).c_str()),
                              unescape_field(line.substr(tab2 + 1)));
  }
  return previous;
}

void save_build_manifest(const BuildInputs& inputs, const fs::path& out_dir, std::size_t pages,
                         const Diagnostics& diagnostics) {
  const fs::path path = build_manifest_path(out_dir);
  std::error_code ec;
  bool outputs_ok = false;
  const std::string outputs = output_listing(out_dir, &outputs_ok);
  if (!inputs.usable || !outputs_ok || diagnostics.has_errors()) {
    fs::remove(path, ec);  // a record of an older build must not outlive this one
    return;
  }
  std::string text = std::string(kFormat) + inputs.key + "pages " + std::to_string(pages) + "\n";
  text += kInputsHeading + inputs.files;
  text += kOutputsHeading + outputs;
  text += kWarningsHeading;
  for (const auto& d : diagnostics.items) {
    text += escape_field(d.file) + "\t" + std::to_string(d.line) + "\t" + escape_field(d.message) + "\n";
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
