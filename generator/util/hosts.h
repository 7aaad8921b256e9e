#pragma once
#include <string>

namespace zhuanlan {

// Whether host names this machine only (127.0.0.0/8, ::1, localhost): the
// preview server refuses other Host names, deploy allows plain http and FTP
// only to such hosts.
bool is_loopback_host(const std::string& host);

}  // namespace zhuanlan
