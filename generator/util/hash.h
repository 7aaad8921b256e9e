#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace zhuanlan {

// Lowercase hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

// Lowercase hex SHA-256 of a file's bytes, read in pieces (photos can be
// large); nullopt if the file cannot be read.
std::optional<std::string> sha256_file_hex(const std::filesystem::path& path);

}  // namespace zhuanlan
