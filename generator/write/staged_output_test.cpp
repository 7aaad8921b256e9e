#include "write/staged_output.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <stdexcept>

#include "test_support.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

std::string error_of(const fs::path& out) {
  try {
    StagedOutput second(out);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(OutputLock, ASecondBuildOfTheSameOutputIsRefusedNamingTheHolder) {
  testing::TempDir dir;
  const fs::path out = dir.path() / "public";
  {
    StagedOutput first(out);
    first.write("index.html", "first");
    const std::string message = error_of(out);
    EXPECT_NE(message.find("另一个构建正在写入"), std::string::npos) << message;
    EXPECT_NE(message.find("进程 " + std::to_string(::getpid())), std::string::npos) << message;
    // The refused build left the first one's stage alone.
    EXPECT_EQ(testing::read_text(first.stage_dir() / "index.html"), "first");
    first.commit();
  }
  EXPECT_EQ(testing::read_text(out / "index.html"), "first");
  EXPECT_EQ(error_of(out), "");  // released with the first build
}

TEST(OutputLock, AStaleLockFileOfADeadBuildIsTakenOver) {
  testing::TempDir dir;
  const fs::path out = dir.path() / "public";
  testing::write_text(dir.path() / "public.zhuanlan-lock", "999999999\n");  // no process holds it
  StagedOutput output(out);
  output.write("a.txt", "a");
  output.commit();
  EXPECT_EQ(testing::read_text(out / "a.txt"), "a");
  EXPECT_EQ(testing::read_text(dir.path() / "public.zhuanlan-lock"), std::to_string(::getpid()) + "\n");
}

}  // namespace
}  // namespace zhuanlan
