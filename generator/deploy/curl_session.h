#pragma once
// What the transports share: a libcurl easy handle with the options every
// request has (timeouts, CA file, one protocol only, no redirects), an upload
// body read from memory, a response body collected into a string, and the
// Chinese message for a libcurl failure.
#include <curl/curl.h>

#include <string>
#include <string_view>

#include "deploy/deploy_target.h"
#include "deploy/transport.h"

namespace zhuanlan {

class CurlSession {
 public:
  CurlSession(const DeployTarget& target, const DeploySecrets& secrets);
  ~CurlSession();
  CurlSession(const CurlSession&) = delete;
  CurlSession& operator=(const CurlSession&) = delete;

  // Starts a request: the handle is reset (its connection stays open) and
  // the shared options are set again. Options of the protocol follow.
  CURL* start(const std::string& url);
  // The request sends these bytes (as an upload; rewound when libcurl asks).
  void send(std::string_view bytes);
  // The response body goes into *body.
  void receive(std::string* body);
  CURLcode perform();
  CURL* handle() { return handle_; }
  long response_code() const;
  const char* error_text() const { return error_; }

 private:
  CURL* handle_;
  const DeployTarget& target_;
  const DeploySecrets& secrets_;
  std::string_view upload_;
  std::size_t upload_offset_ = 0;
  char error_[CURL_ERROR_SIZE] = {};

  static size_t read_body(char* buffer, size_t size, size_t count, void* self);
  static int seek_body(void* self, curl_off_t offset, int origin);
  static size_t write_body(char* data, size_t size, size_t count, void* body);
};

// The message for a libcurl failure while doing what ("上传 news/a.html"),
// and whether it is worth another try.
TransferResult curl_failure(CURLcode code, const std::string& what, const DeployTarget& target, const char* error_text);

// The message for an HTTP status that is not success (WebDAV, S3); detail is
// a server's error code (S3 <Code>) or "".
TransferResult http_failure(long status, const std::string& what, const DeployTarget& target, const std::string& detail);

}  // namespace zhuanlan
