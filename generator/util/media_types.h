#pragma once
#include <string>

namespace zhuanlan {

// The Content-Type a file of the built site is served with, by its name's
// extension (text types with charset=utf-8); application/octet-stream for
// an extension not listed.
std::string media_type_of(const std::string& path);

}  // namespace zhuanlan
