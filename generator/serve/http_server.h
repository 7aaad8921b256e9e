#pragma once
// The HTTP side of `zhuanlan serve` (cpp-httplib): the built site under its
// base path, the site's 404 page with status 404, the live-reload script
// added to every HTML page sent, and the events each open page listens to.
// Nothing outside the folder is sent (serve/request_path.h); on loopback,
// requests naming another host are refused, so that a web page elsewhere
// cannot read drafts through a DNS name pointed at 127.0.0.1.
#include <filesystem>
#include <memory>
#include <string>

#include "serve/live_reload.h"

#include "util/hosts.h"

namespace zhuanlan {

struct ServerSettings {
  std::filesystem::path folder;  // the built site
  std::string base_path = "/";   // the base_url's path, beginning and ending with '/'
  std::string host = "127.0.0.1";
  int port = 1313;               // 0: any free port
};

class PreviewServer {
 public:
  PreviewServer(ServerSettings settings, const ReloadHub& hub);
  ~PreviewServer();  // stops
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  // Takes the port; false with a Chinese explanation in *error (the port
  // is taken, the address is not this machine's).
  bool bind(std::string* error);
  int port() const;
  // Serves in a thread of its own until stop().
  void start();
  // Returns once every connection is closed; the hub must have been closed
  // first, or open pages keep their connections until their next message.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};


}  // namespace zhuanlan
