#include "linkcheck/link_checker.h"

#include <curl/curl.h>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace zhuanlan {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kUserAgent =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 "
    "zhuanlan-link-check";

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

std::string host_of(const std::string& url) {
  std::string host;
  if (CURLU* parsed = curl_url()) {
    if (curl_url_set(parsed, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
      char* part = nullptr;
      if (curl_url_get(parsed, CURLUPART_HOST, &part, 0) == CURLUE_OK) host = part;
      curl_free(part);
    }
    curl_url_cleanup(parsed);
  }
  return host.empty() ? url : host;
}

struct Request {
  std::size_t index = 0;  // into the result list
  bool use_get = false;   // HEAD was refused
  bool retried = false;   // a Retry-After was honoured once already
  Clock::time_point not_before{};
};

struct EasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

std::string transfer_problem(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return "超时没有响应";
    case CURLE_COULDNT_RESOLVE_HOST: return "找不到这个网站（域名无法解析）";
    case CURLE_COULDNT_CONNECT: return "无法连接到这个网站";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR: return "网站的 HTTPS 证书有问题";
    case CURLE_TOO_MANY_REDIRECTS: return "跳转次数过多";
    case CURLE_UNSUPPORTED_PROTOCOL: return "跳转到了不是 http 或 https 的地址";
    default: return std::string("无法打开（") + curl_easy_strerror(code) + "）";
  }
}

}  // namespace

std::vector<LinkStatus> check_links(const std::vector<std::string>& urls, const LinkCheckOptions& options) {
  init_curl_once();
  std::vector<LinkStatus> results;
  {
    std::set<std::string> seen;
    for (const auto& url : urls) {
      if (seen.insert(url).second) results.push_back({url, false, 0, {}});
    }
  }
  std::vector<std::string> host_of_result;  // parsed once: the start loop asks on every turn
  std::deque<Request> waiting;
  for (std::size_t i = 0; i < results.size(); ++i) {
    host_of_result.push_back(host_of(results[i].url));
    waiting.push_back({i, false, false, {}});
  }

  struct HostState {
    int in_flight = 0;
    Clock::time_point next_allowed{};
  };
  std::map<std::string, HostState> hosts;
  struct Running {
    Request request;
    std::unique_ptr<CURL, EasyDeleter> easy;
    std::string host;
  };
  std::map<CURL*, Running> running;

  CURLM* multi = curl_multi_init();
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, options.connections);
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, options.connections_per_host);

  auto start = [&](const Request& request) {
    const std::string& url = results[request.index].url;
    std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
    CURL* e = easy.get();
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, 8L);
    curl_easy_setopt(e, CURLOPT_USERAGENT, kUserAgent);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    if (!request.use_get) curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    curl_multi_add_handle(multi, e);
    const std::string& host = host_of_result[request.index];
    ++hosts[host].in_flight;
    running.emplace(e, Running{request, std::move(easy), host});
  };

  while (!waiting.empty() || !running.empty()) {
    // Start what may start: total and per-host limits, the pause per host.
    const auto now = Clock::now();
    for (auto it = waiting.begin(); it != waiting.end() && static_cast<long>(running.size()) < options.connections;) {
      HostState& host = hosts[host_of_result[it->index]];
      if (it->not_before <= now && host.in_flight < options.connections_per_host && host.next_allowed <= now) {
        const Request request = *it;
        it = waiting.erase(it);
        host.next_allowed = now + options.host_pause;
        start(request);
      } else {
        ++it;
      }
    }
    int still_running = 0;
    curl_multi_perform(multi, &still_running);
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* e = message->easy_handle;
      const CURLcode code = message->data.result;
      auto node = running.extract(e);
      curl_multi_remove_handle(multi, e);
      Running& done = node.mapped();
      HostState& host = hosts[done.host];
      --host.in_flight;
      host.next_allowed = std::max(host.next_allowed, Clock::now() + options.host_pause);
      LinkStatus& status = results[done.request.index];
      long http = 0;
      curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &http);
      status.http_status = http;
      if (code != CURLE_OK) {
        status.ok = false;
        status.problem = transfer_problem(code);
        // A server that hangs up on HEAD may still answer GET.
        if (!done.request.use_get && code != CURLE_OPERATION_TIMEDOUT && code != CURLE_COULDNT_RESOLVE_HOST &&
            code != CURLE_COULDNT_CONNECT) {
          Request again = done.request;
          again.use_get = true;
          waiting.push_back(again);
        }
        continue;
      }
      if (http >= 200 && http < 400) {
        status.ok = true;
        status.problem.clear();
        continue;
      }
      if ((http == 429 || http == 503) && !done.request.retried) {
        curl_off_t wait = -1;
        curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &wait);
        if (wait >= 0 && wait <= options.longest_retry_after.count()) {
          Request again = done.request;
          again.retried = true;
          again.not_before = Clock::now() + std::chrono::seconds(wait);
          waiting.push_back(again);
          continue;
        }
      }
      if (!done.request.use_get && http != 429 && http != 503) {
        Request again = done.request;  // many servers refuse HEAD alone
        again.use_get = true;
        waiting.push_back(again);
        continue;
      }
      status.ok = false;
      status.problem = http == 404 || http == 410 ? "页面不存在（" + std::to_string(http) + "）"
                       : http == 429             ? "网站要求稍后再访问（429），本次未能检查完"
                                                 : "网站返回错误（" + std::to_string(http) + "）";
    }
    if (!running.empty()) {
      curl_multi_poll(multi, nullptr, 0, 100, nullptr);
    } else if (!waiting.empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // every request waits for its host's pause
    }
  }
  curl_multi_cleanup(multi);
  return results;
}

}  // namespace zhuanlan
