// zhuanlan_search_bench: what the site search adds to a build. Loads a
// site as `build` does (prepare_site), then makes the search index's files
// (search_documents, build_search_index, write_search_files) and writes them
// with StagedOutput into a scratch folder, --runs times, and prints the median
// of each step, the index's bytes and the memory it took on top of the
// loaded site. bench/search/run uses it; see bench/README.md.
//
//   zhuanlan_search_bench --site DIR --out SCRATCH [--runs 5]   (SCRATCH is deleted first)
#include <CLI/CLI.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <iostream>
#include <string>
#include <vector>

#include "search/search_shards.h"
#include "util/parallel.h"
#include "write/build_site.h"
#include "write/staged_output.h"

namespace {

using namespace zhuanlan;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// VmRSS or VmHWM of this process in KiB.
long status_kib(const std::string& field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

// User and system CPU time of this process so far, in milliseconds.
double cpu_ms() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times the site search's index on a site"};
  std::string site, out;
  int runs = 5;
  app.add_option("--site", site, "site folder")->required();
  app.add_option("--out", out, "scratch output folder (replaced)")->required();
  app.add_option("--runs", runs, "runs (median)")->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  BuildOptions options;
  options.site_dir = site;
  Diagnostics diagnostics;
  const auto prepared = prepare_site(options, diagnostics);
  if (!prepared) {
    for (const auto& d : diagnostics.items) std::cerr << format_diagnostic(d) << "\n";
    return 1;
  }
  const long rss_loaded = status_kib("VmRSS");
  std::vector<double> documents_ms, index_ms, files_ms, files_write_ms, total_ms;
  std::vector<double> index_cpu_ms, files_cpu_ms, files_write_cpu_ms, total_cpu_ms;
  const long peak_loaded = status_kib("VmHWM");
  std::size_t documents = 0, terms = 0, shards = 0, shard_bytes = 0, document_bytes = 0, largest_shard = 0;
  for (int run = 0; run < runs; ++run) {
    // A clean output, as the clean builds it is compared with (otherwise
    // StagedOutput compares every file with the previous run's).
    std::filesystem::remove_all(out);
    const auto start = Clock::now();
    const double cpu_start = cpu_ms();
    auto t = Clock::now();
    std::vector<SearchDocument> docs = search_documents(prepared->model);
    documents_ms.push_back(ms_since(t));
    t = Clock::now();
    double c = cpu_ms();
    const SearchIndex index = build_search_index(std::move(docs));
    index_ms.push_back(ms_since(t));
    index_cpu_ms.push_back(cpu_ms() - c);
    c = cpu_ms();
    // Made and written at once, as build does (files_write_ms); after the
    // last run, made once more without writing (files_ms).
    t = Clock::now();
    {
      StagedOutput output(out);
      write_search_files(index, [&](const std::string& path, std::string bytes) { output.write(path, bytes); });
      output.commit();
    }
    files_write_ms.push_back(ms_since(t));
    files_write_cpu_ms.push_back(cpu_ms() - c);
    total_ms.push_back(ms_since(start));
    total_cpu_ms.push_back(cpu_ms() - cpu_start);
    documents = index.documents.size();
    terms = index.terms.size();
    shards = search_shard_count(documents);
    if (run + 1 == runs) {
      t = Clock::now();
      const double c0 = cpu_ms();
      std::mutex mutex;
      write_search_files(index, [&](const std::string& path, std::string bytes) {
        std::lock_guard<std::mutex> lock(mutex);
        if (path.rfind("search/s/", 0) == 0) {
          shard_bytes += bytes.size();
          largest_shard = std::max(largest_shard, bytes.size());
        } else if (path.rfind("search/d/", 0) == 0) {
          document_bytes += bytes.size();
        }
      });
      files_ms.push_back(ms_since(t));
      files_cpu_ms.push_back(cpu_ms() - c0);
    }
  }
  const long peak = status_kib("VmHWM");
  std::printf("documents %zu\nterms %zu\nshards %zu\nshard_bytes %zu\nlargest_shard_bytes %zu\ndocument_bytes %zu\n",
              documents, terms, shards, shard_bytes, largest_shard, document_bytes);
  std::printf("documents_ms %.1f\nindex_ms %.1f\nfiles_ms %.1f\nfiles_write_ms %.1f\ntotal_ms %.1f\ntotal_cpu_ms %.1f\n",
              median(documents_ms), median(index_ms), median(files_ms), median(files_write_ms), median(total_ms),
              median(total_cpu_ms));
  std::printf("index_cpu_ms %.1f\nfiles_cpu_ms %.1f\nfiles_write_cpu_ms %.1f\n", median(index_cpu_ms),
              median(files_cpu_ms), median(files_write_cpu_ms));
  std::printf("rss_loaded_kib %ld\npeak_loaded_kib %ld\npeak_kib %ld\nextra_peak_kib %ld\n", rss_loaded, peak_loaded, peak,
              peak - rss_loaded);
  return 0;
}
