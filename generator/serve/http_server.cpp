#include "serve/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "serve/reload_script.h"
#include "serve/request_path.h"
#include "util/files.h"
#include "util/media_types.h"

namespace zhuanlan {

namespace {

constexpr const char* kHtmlType = "text/html; charset=utf-8";
constexpr const char* kBuildHeader = "X-Zhuanlan-Build";
// How often an idle events connection is written to: a page that went
// away is noticed at the next write, and its thread freed.
constexpr std::chrono::seconds kKeepAlive{5};

// Shown for every missing page while the site has never built (its 404
// page does not exist yet); the overlay shows why.
constexpr std::string_view kNotBuiltPage =
    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>网站还没有生成</title>\n</head>\n<body>\n"
    "<p>网站还没有生成成功。生成时发现的问题会显示在这个页面的上方；修改并保存后，页面会自动刷新。</p>\n"
    "</body>\n</html>\n";

}  // namespace

struct PreviewServer::Impl {
  ServerSettings settings;
  const ReloadHub& hub;
  httplib::Server server;
  std::thread thread;
  std::atomic<bool> listening_ended{false};
  int port = 0;

  Impl(ServerSettings s, const ReloadHub& h) : settings(std::move(s)), hub(h) {}

  bool host_allowed(const httplib::Request& request) const {
    if (!is_loopback_host(settings.host)) return true;
    const std::string host = request.get_header_value("Host");
    const std::string suffix = ":" + std::to_string(port);
    for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) {
      if (host == name + suffix) return true;
    }
    return host == settings.host + suffix;
  }

  std::string with_script(std::string_view html, std::uint64_t build) const {
    return with_reload_script(html, hub.session(), build);
  }

  void not_found(httplib::Response& response) const {
    const std::uint64_t build = hub.state().build;
    response.status = 404;
    const auto page = read_file(settings.folder / "404.html");
    response.set_content(with_script(page ? std::string_view(*page) : kNotBuiltPage, build), kHtmlType);
  }

  void events(const httplib::Request& request, httplib::Response& response) const {
    PageView view = page_view(hub, request.get_param_value("session"), request.get_param_value("build"));
    response.set_header("Cache-Control", "no-store");
    const ReloadHub* events_hub = &hub;
    std::uint64_t seen = 0;
    response.set_chunked_content_provider(
        "text/event-stream", [events_hub, view, seen](std::size_t, httplib::DataSink& sink) mutable {
          const ReloadState state = events_hub->wait_for_change(seen, kKeepAlive);
          if (state.closed) {
            sink.done();
            return true;
          }
          seen = state.version;
          std::string message = next_message(state, view);
          if (message.empty()) message = ":\n\n";  // a comment: only checks the connection
          return sink.write(message.data(), message.size());
        });
  }

  void install() {
    // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, with
    // which a second server on the same port would silently share it.
    server.set_socket_options([](socket_t socket) {
      int yes = 1;
      ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // Each open page holds one thread for its events.
    server.new_task_queue = [] { return new httplib::ThreadPool(64); };
    server.set_keep_alive_timeout(2);  // stopping waits for idle connections
    server.set_default_headers({{"Cache-Control", "no-store"}});

    server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
      if (!host_allowed(request)) {
        response.status = 403;
        response.set_content("只接受从本机访问预览。\n", "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (request.path.rfind("/__zhuanlan/", 0) == 0) return httplib::Server::HandlerResponse::Unhandled;
      // The build is read before the file, so a page never claims a
      // newer build than its bytes are from.
      const std::uint64_t build = hub.state().build;
      const RequestTarget target = resolve_request(request.path, settings.base_path, settings.folder);
      switch (target.kind) {
        case RequestKind::file:
          response.set_header(kBuildHeader, std::to_string(build));
          return httplib::Server::HandlerResponse::Unhandled;  // the mount point sends it
        case RequestKind::redirect:
          response.set_redirect(target.location, 302);
          return httplib::Server::HandlerResponse::Handled;
        case RequestKind::not_found:
        case RequestKind::refused:
          not_found(response);
          return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_mount_point(settings.base_path, settings.folder.string());
    server.set_file_request_handler([this](const httplib::Request& request, httplib::Response& response) {
      // The types deploy sends the same files with, not cpp-httplib's own table.
      const std::string& path = request.path;
      const std::string type = media_type_of(!path.empty() && path.back() == '/' ? path + "index.html" : path);
      response.headers.erase("Content-Type");
      response.set_header("Content-Type", type);
      if (type != kHtmlType) return;
      const std::string build = response.get_header_value(kBuildHeader);
      response.body = with_script(response.body, build.empty() ? 0 : std::stoull(build));
    });
    // A file that went between the check and the read (a rebuild swapped
    // the folder): the 404 page too.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [this](const httplib::Request&, httplib::Response& response) {
      if (response.status != 404 || !response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      not_found(response);
      return httplib::Server::HandlerResponse::Handled;
    }));
    server.Get(std::string(kReloadScriptPath), [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(reload_script()), "text/javascript; charset=utf-8");
    });
    server.Get(std::string(kReloadEventsPath), [this](const httplib::Request& request, httplib::Response& response) {
      events(request, response);
    });
  }
};

PreviewServer::PreviewServer(ServerSettings settings, const ReloadHub& hub)
    : impl_(std::make_unique<Impl>(std::move(settings), hub)) {
  impl_->install();
}

PreviewServer::~PreviewServer() { stop(); }

bool PreviewServer::bind(std::string* error) {
  const ServerSettings& s = impl_->settings;
  if (s.port == 0) {
    impl_->port = impl_->server.bind_to_any_port(s.host);
  } else if (impl_->server.bind_to_port(s.host, s.port)) {
    impl_->port = s.port;
  }
  if (impl_->port > 0) return true;
  *error = "无法在 " + s.host + (s.port == 0 ? std::string() : ":" + std::to_string(s.port)) +
           " 上启动预览：端口可能已被其他程序（例如另一个 zhuanlan serve）占用，或这个地址不属于本机。"
           "请换一个端口再试，例如 --port " +
           std::to_string(s.port == 0 ? 1313 : s.port + 1);
  return false;
}

int PreviewServer::port() const { return impl_->port; }

void PreviewServer::start() {
  impl_->thread = std::thread([this] {
    impl_->server.listen_after_bind();
    impl_->listening_ended = true;
  });
  // stop() can only end a server that has begun listening.
  while (!impl_->server.is_running() && !impl_->listening_ended) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void PreviewServer::stop() {
  if (!impl_) return;
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace zhuanlan
