#pragma once
// Runs f(0) … f(count-1) on every core. Each index is handed out once; the
// first exception thrown by any call is rethrown after all workers stop.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace zhuanlan {

inline unsigned worker_count() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 2 : cores;
}

// make_state() is called once per worker, so that each worker can own things
// that must not be shared between threads (parsed templates, buffers).
// max_workers sets how many run at once (for work that waits on the network
// rather than on a core, such as uploads).
template <typename MakeState, typename Work>
void parallel_for_with_state(std::size_t count, MakeState make_state, Work work, unsigned max_workers) {
  const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(std::max(max_workers, 1u), std::max<std::size_t>(count, 1)));
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&] {
    try {
      auto state = make_state();
      for (std::size_t i = next++; i < count; i = next++) work(state, i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = count;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run);
  run();
  for (auto& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

template <typename MakeState, typename Work>
void parallel_for_with_state(std::size_t count, MakeState make_state, Work work) {
  parallel_for_with_state(count, make_state, work, worker_count());
}

template <typename Work>
void parallel_for(std::size_t count, Work work) {
  parallel_for_with_state(count, [] { return 0; }, [&](int&, std::size_t i) { work(i); });
}

}  // namespace zhuanlan
