#pragma once
// Output is written into a folder beside the real one and swapped in only
// when the whole build succeeded, so a failed build leaves the previous
// public/ exactly as it was. A file whose bytes equal the previous build's
// is hard-linked from it instead of written, so unchanged files keep their
// modification times and deploy tools see no change.
#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <unordered_set>
#include <string>
#include <string_view>

namespace zhuanlan {

// The lock of one output folder: flock() on "<out>.zhuanlan-lock" beside
// it, holding the holder's process id for the message another build shows.
// The kernel drops the lock when its holder dies, however it dies, so a
// stale lock file of a killed build is simply taken over.
class OutputLock {
 public:
  // Throws std::runtime_error (Chinese message naming the holder's pid)
  // when another build holds the lock.
  explicit OutputLock(const std::filesystem::path& out_dir);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

class StagedOutput {
 public:
  // Throws std::runtime_error (Chinese message) when out_dir exists, is not
  // empty and was not written by zhuanlan: nothing a user wrote is replaced;
  // and when another build of the same output holds its lock (see
  // OutputLock): two builds would share one stage folder.
  explicit StagedOutput(std::filesystem::path out_dir);
  ~StagedOutput();
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  // Safe to call from several threads for different paths.
  void write(const std::string& relative_path, std::string_view bytes);
  void copy(const std::filesystem::path& source, const std::string& relative_path);
  // Publishes a file kept elsewhere (the image cache) by hard-linking it,
  // so that nothing is copied; copies where links are impossible (another
  // file system).
  void link(const std::filesystem::path& source, const std::string& relative_path);

  // Swaps the staged folder in place of the output folder.
  void commit();

  const std::filesystem::path& stage_dir() const { return stage_dir_; }
  std::size_t files_written() const { return written_; }
  std::size_t files_unchanged() const { return unchanged_; }

  static constexpr const char* kMarker = ".zhuanlan-output";

 private:
  std::filesystem::path target(const std::string& relative_path) const;
  bool link_if_unchanged(const std::string& relative_path, std::string_view bytes, const std::filesystem::path& to);
  void make_parent_folder(const std::filesystem::path& file);

  std::filesystem::path out_dir_;
  std::optional<OutputLock> lock_;  // held from before the stage folder is emptied until the end
  std::filesystem::path stage_dir_;
  bool committed_ = false;
  std::atomic<std::size_t> written_{0};
  std::atomic<std::size_t> unchanged_{0};
  std::mutex folders_mutex_;  // files are written from several threads
  std::unordered_set<std::string> folders_made_;
};

}  // namespace zhuanlan
