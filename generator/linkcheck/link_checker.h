#pragma once
// Checks external URLs over HTTP with libcurl's multi interface, politely:
// a few connections in all and at most two to one host, a pause between
// requests to one host, HEAD first and GET when HEAD is refused (many
// servers answer HEAD with 403, 404 or 405), a browser-like User-Agent,
// Retry-After honoured once (429 and 503), and time limits. Only http and
// https are ever fetched, redirects included.
#include <chrono>
#include <string>
#include <vector>

namespace zhuanlan {

struct LinkCheckOptions {
  std::chrono::milliseconds timeout{20000};          // a whole request
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds host_pause{1000};        // between two requests to one host
  std::chrono::seconds longest_retry_after{30};      // a longer Retry-After counts as a failure
  long connections = 4;
  long connections_per_host = 2;
};

struct LinkStatus {
  std::string url;
  bool ok = false;
  long http_status = 0;  // the final status after redirects; 0 when none came
  std::string problem;   // for a failure: what happened, in Chinese
};

// One status per distinct URL, in the order of urls (duplicates removed).
std::vector<LinkStatus> check_links(const std::vector<std::string>& urls, const LinkCheckOptions& options);

}  // namespace zhuanlan
