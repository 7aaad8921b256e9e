#include "util/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>

#include "util/diagnostics.h"
#include "util/paths.h"

namespace zhuanlan {
namespace fs = std::filesystem;

std::optional<std::string> read_file(const fs::path& path) {
  // One read of the known size: every content file and every previous
  // output file passes through here, and stream iterators cost several
  // times more than the copy itself.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t filled = 0;
  char more[4096];  // a file that grew since fstat is read to its end
  while (true) {
    char* into = filled < bytes.size() ? bytes.data() + filled : more;
    const std::size_t room = filled < bytes.size() ? bytes.size() - filled : sizeof more;
    const ssize_t got = ::read(fd, into, room);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (got == 0) break;
    if (into == more) {
      bytes.append(more, static_cast<std::size_t>(got));
      filled = bytes.size();
    } else {
      filled += static_cast<std::size_t>(got);
    }
  }
  ::close(fd);
  bytes.resize(filled);
  return bytes;
}

bool write_file(const fs::path& path, std::string_view bytes, bool only_if_new) {
  // Plain write(2): a build writes thousands of files, and an ofstream's
  // open and buffering cost more than the copy into the page cache.
  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (only_if_new ? O_EXCL : O_TRUNC);
  const int fd = ::open(path.c_str(), flags, 0644);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t put = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) {
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(put);
  }
  return ::close(fd) == 0;
}

std::vector<fs::path> list_files(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string name = it->path().filename().string();
    if (name.empty() || name.front() == '.') continue;  // editor swap files, .DS_Store
    if (name.size() >= extension.size() && name.compare(name.size() - extension.size(), extension.size(), extension) == 0) {
      out.push_back(it->path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_content_links(const fs::path& site_dir, Diagnostics& diagnostics) {
  std::error_code ec;
  const fs::path content = site_dir / "content";
  const fs::path root = fs::canonical(content, ec);
  if (ec) return;
  std::vector<fs::path> links;
  for (auto it = fs::recursive_directory_iterator(content, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::error_code link_ec;
    if (it->is_symlink(link_ec)) links.push_back(it->path());
  }
  std::sort(links.begin(), links.end());
  for (const fs::path& link : links) {
    const std::string shown = (fs::path("content") / link.lexically_relative(content)).generic_string();
    std::error_code target_ec;
    const fs::path target = fs::canonical(link, target_ec);
    if (target_ec) {
      diagnostics.warning(shown, 0, "这是一个指向不存在文件的链接（快捷方式），它会被忽略；请删掉它或放入真正的文件");
      continue;
    }
    const bool inside = is_within(target, root);
    if (fs::is_directory(target, target_ec)) {
      diagnostics.warning(shown, 0,
                          "这个文件夹是链接（快捷方式），其中的文件不会被读取；请把文件夹本身（而不是链接）放进 content/");
    } else if (!inside) {
      diagnostics.error(shown, 0,
                        "这个文件是指向 content/ 以外（" + target.string() +
                            "）的链接（快捷方式）；为了安全，content/ 以外的文件不会发布。请把文件复制到 content/ 中");
    }
  }
}

}  // namespace zhuanlan
