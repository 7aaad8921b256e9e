#include "write/staged_output.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <stdio.h>

#include <cstdio>
#include <stdexcept>
#include <system_error>

#include "util/files.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

const char kMarkerText[] = "此文件夹由 zhuanlan 生成，每次构建会整体替换，请不要在这里手工修改文件。\n";

bool is_empty_dir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

}  // namespace

OutputLock::OutputLock(const fs::path& out_dir) {
  fs::path path = out_dir;
  path += ".zhuanlan-lock";
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw std::runtime_error("无法创建锁文件 " + path.string() + "，请检查文件夹权限");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    std::string holder(32, '\0');
    const ssize_t n = ::pread(fd_, holder.data(), holder.size(), 0);
    holder.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == '\0')) holder.pop_back();
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("另一个构建正在写入 " + out_dir.string() + "（进程 " +
                             (holder.empty() ? std::string("未知") : holder) +
                             "）。本次构建没有改动输出，请等它结束后再构建一次");
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The pid is only for the message; the lock itself holds.
  }
}

OutputLock::~OutputLock() {
  // The file stays: removing it would let a third build lock a new file
  // while a second one still waits on the old one's name.
  if (fd_ >= 0) ::close(fd_);
}

StagedOutput::StagedOutput(fs::path out_dir) : out_dir_(std::move(out_dir)) {
  std::error_code ec;
  out_dir_ = fs::absolute(out_dir_).lexically_normal();
  if (out_dir_.filename().empty()) out_dir_ = out_dir_.parent_path();
  lock_.emplace(out_dir_);
  if (fs::exists(out_dir_, ec)) {
    if (!fs::is_directory(out_dir_, ec)) {
      throw std::runtime_error("输出位置 " + out_dir_.string() + " 是一个文件而不是文件夹，请换一个输出文件夹");
    }
    if (!is_empty_dir(out_dir_) && !fs::exists(out_dir_ / kMarker, ec)) {
      throw std::runtime_error("输出文件夹 " + out_dir_.string() +
                               " 里已有不是 zhuanlan 生成的文件。为了不删除您的文件，构建已停止；"
                               "请用 --out 指定一个新的或空的文件夹");
    }
  }
  stage_dir_ = out_dir_;
  stage_dir_ += ".zhuanlan-stage";
  fs::remove_all(stage_dir_, ec);  // left over from a build that was killed
  fs::create_directories(stage_dir_, ec);
  if (ec) throw std::runtime_error("无法创建临时输出文件夹 " + stage_dir_.string() + "：" + ec.message());
  write(kMarker, kMarkerText);
}

StagedOutput::~StagedOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove_all(stage_dir_, ec);
  }
}

fs::path StagedOutput::target(const std::string& relative_path) const {
  const fs::path relative = fs::path(relative_path).lexically_normal();
  if (relative.empty() || relative.is_absolute() || *relative.begin() == "..") {
    throw std::runtime_error("内部错误：输出路径 " + relative_path + " 不在输出文件夹之内");
  }
  return stage_dir_ / relative;
}

bool StagedOutput::link_if_unchanged(const std::string& relative_path, std::string_view bytes, const fs::path& to) {
  const fs::path previous = out_dir_ / relative_path;
  std::error_code ec;
  const auto size = fs::file_size(previous, ec);
  if (ec || size != bytes.size()) return false;
  const auto old_bytes = read_file(previous);
  if (!old_bytes || *old_bytes != bytes) return false;
  fs::create_hard_link(previous, to, ec);
  return !ec;
}

void StagedOutput::make_parent_folder(const fs::path& file) {
  // Thousands of files share a few folders: create each once, not once a
  // file (create_directories asks the file system about every component).
  std::string folder = file.parent_path().string();
  {
    std::lock_guard<std::mutex> lock(folders_mutex_);
    if (folders_made_.count(folder)) return;
  }
  std::error_code ec;
  fs::create_directories(folder, ec);
  std::lock_guard<std::mutex> lock(folders_mutex_);
  folders_made_.insert(std::move(folder));
}

void StagedOutput::write(const std::string& relative_path, std::string_view bytes) {
  const fs::path to = target(relative_path);
  make_parent_folder(to);
  if (link_if_unchanged(relative_path, bytes, to)) {
    ++unchanged_;
    return;
  }
  if (!write_file(to, bytes)) throw std::runtime_error("无法写入 " + to.string() + "，请检查磁盘空间和文件夹权限");
  ++written_;
}

void StagedOutput::copy(const fs::path& source, const std::string& relative_path) {
  const auto bytes = read_file(source);
  if (!bytes) throw std::runtime_error("无法读取 " + source.string());
  write(relative_path, *bytes);
}

void StagedOutput::link(const fs::path& source, const std::string& relative_path) {
  const fs::path to = target(relative_path);
  make_parent_folder(to);
  std::error_code ec;
  const fs::path previous = out_dir_ / relative_path;
  if (fs::equivalent(previous, source, ec) && !ec) {
    fs::create_hard_link(previous, to, ec);
    if (!ec) {
      ++unchanged_;
      return;
    }
  }
  // The same bytes from another cache entry (the cache was cleared): keep
  // the published file as it was.
  std::error_code previous_ec, source_ec;
  if (fs::file_size(previous, previous_ec) == fs::file_size(source, source_ec) && !previous_ec && !source_ec) {
    const auto bytes = read_file(source);
    if (bytes && link_if_unchanged(relative_path, *bytes, to)) {
      ++unchanged_;
      return;
    }
  }
  fs::create_hard_link(source, to, ec);
  if (ec) {
    copy(source, relative_path);
    return;
  }
  ++written_;
}

void StagedOutput::commit() {
  std::error_code ec;
  if (!fs::exists(out_dir_, ec)) {
    fs::create_directories(out_dir_.parent_path(), ec);
    fs::rename(stage_dir_, out_dir_, ec);
    if (ec) throw std::runtime_error("无法把输出移动到 " + out_dir_.string() + "：" + ec.message());
  } else {
    // Swap in one step where the system allows it, so the site never
    // disappears, not even for a moment.
    if (::renameat2(AT_FDCWD, stage_dir_.c_str(), AT_FDCWD, out_dir_.c_str(), RENAME_EXCHANGE) != 0) {
      fs::path old_dir = out_dir_;
      old_dir += ".zhuanlan-old";
      fs::remove_all(old_dir, ec);
      fs::rename(out_dir_, old_dir, ec);
      if (ec) throw std::runtime_error("无法替换 " + out_dir_.string() + "：" + ec.message());
      fs::rename(stage_dir_, out_dir_, ec);
      if (ec) {
        fs::rename(old_dir, out_dir_, ec);
        throw std::runtime_error("无法替换 " + out_dir_.string());
      }
      fs::remove_all(old_dir, ec);
      committed_ = true;
      return;
    }
    fs::remove_all(stage_dir_, ec);  // now holds the previous output
  }
  committed_ = true;
}

}  // namespace zhuanlan
