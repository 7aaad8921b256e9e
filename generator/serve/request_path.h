#pragma once
// Which file of the served folder a request names. `zhuanlan serve` shows
// the site under its base_url's path (/zjz2025/); nothing outside the
// folder is ever sent: not through "..", not through a hidden name, not
// through a symbolic link that leads out of it.
#include <filesystem>
#include <string>
#include <string_view>

namespace zhuanlan {

enum class RequestKind {
  file,       // `file` is the file to send
  redirect,   // send the browser to `location`
  not_found,  // no such page: the site's 404 page
  refused,    // a path that tries to leave the folder: answered like not_found
};

struct RequestTarget {
  RequestKind kind = RequestKind::not_found;
  std::filesystem::path file;
  std::string location;
};

// path: the request's path, already percent-decoded (cpp-httplib decodes
// it, so "%2e%2e/" arrives here as "../"); base_path: "/" or "/zjz2025/".
// "/" and the base path without its slash redirect to the base path, a
// folder without its slash to the folder with it; a folder gives its
// index.html.
RequestTarget resolve_request(std::string_view path, std::string_view base_path, const std::filesystem::path& folder);

}  // namespace zhuanlan
