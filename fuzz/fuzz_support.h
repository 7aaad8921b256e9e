#pragma once
// What the fuzz targets share: a scratch site folder that lives as long as
// the fuzzing process, with a real photo in it, so that image paths in
// fuzzed content can resolve.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan::fuzz {

// A fresh folder under the temp dir, created on first use and removed when
// the process exits normally (libFuzzer exits normally at the end of a run).
const std::filesystem::path& scratch_dir();

// An 8x6 JPEG written with libvips.
void write_photo(const std::filesystem::path& path);

void write_file(const std::filesystem::path& path, std::string_view bytes);

// Splits fuzzed bytes at a separator line, into at most max_parts parts
// (the last one keeps any further separators).
std::vector<std::string_view> split_parts(std::string_view bytes, std::string_view separator, std::size_t max_parts);


inline std::string_view as_text(const uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace zhuanlan::fuzz
