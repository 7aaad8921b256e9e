#include "search/search_shards.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "search/search_terms.h"
#include "util/hash.h"
#include "util/parallel.h"

namespace zhuanlan {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::size_t kMaxShards = 4096;

int digit_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

std::string json_string(std::string_view text) {
  return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A document's file: its title, address, kind and label as a line of JSON,
// then its text as it is (shown with textContent only, so it needs no
// escaping, and 40 MB of text at 10,000 items are not escaped one
// character at a time).
std::string document_file(const SearchDocument& doc) {
  std::string out = "{\"t\":" + json_string(doc.title) + ",\"u\":" + json_string(doc.url) +
                    ",\"k\":" + std::to_string(static_cast<int>(doc.kind)) + ",\"l\":" + json_string(doc.label) + "}\n";
  if (!doc.text.empty()) {
    out += doc.text;
    if (!doc.body.empty()) out += '\n';
  }
  out += doc.body;
  return out;
}

}  // namespace

std::size_t search_shard_count(std::size_t documents) {
  return std::clamp<std::size_t>(std::bit_ceil(std::max<std::size_t>(documents / 2, 1)), 1, kMaxShards);
}

std::uint32_t search_term_hash(std::string_view term) {
  std::uint32_t h = 2166136261u;
  for (const char c : term) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::size_t search_shard_of(std::string_view term, std::size_t shard_count) {
  return search_term_hash(term) & (shard_count - 1);
}

std::string search_shard_path(std::size_t shard, std::size_t shard_count) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string digits;
  for (std::size_t rest = shard_count - 1; rest > 0 || digits.empty(); rest >>= 4) {
    digits.insert(digits.begin(), hex[shard & 15]);
    shard >>= 4;
  }
  return "search/s/" + digits + ".json";
}

std::string search_document_path(std::size_t document) { return "search/d/" + std::to_string(document) + ".txt"; }

std::vector<std::string> search_output_paths(std::size_t documents) {
  std::vector<std::string> paths{kSearchIndexPath};
  const std::size_t shards = search_shard_count(documents);
  for (std::size_t s = 0; s < shards; ++s) paths.push_back(search_shard_path(s, shards));
  for (std::size_t d = 0; d < documents; ++d) paths.push_back(search_document_path(d));
  return paths;
}

std::vector<std::size_t> search_query_shards(std::string_view query, std::size_t shard_count) {
  std::vector<std::size_t> shards;
  for (const std::string& term : search_terms(query)) shards.push_back(search_shard_of(term, shard_count));
  std::sort(shards.begin(), shards.end());
  shards.erase(std::unique(shards.begin(), shards.end()), shards.end());
  return shards;
}

std::string encode_postings(const std::vector<std::uint32_t>& postings) {
  std::string out;
  out.reserve(postings.size() * 2);
  std::uint32_t next = 0;  // the previous document + 1
  for (const std::uint32_t posting : postings) {
    std::uint32_t gap = posting_document(posting) - next;
    next = posting_document(posting) + 1;
    while (gap >= 32) {
      out += kAlphabet[32 + (gap & 31)];
      gap >>= 5;
    }
    out += kAlphabet[gap];
    out += kAlphabet[posting & 15];
  }
  return out;
}

std::vector<std::uint32_t> decode_postings(std::string_view text) {
  std::vector<std::uint32_t> out;
  std::uint32_t next = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t gap = 0;
    int shift = 0;
    for (;;) {
      if (i >= text.size() || shift > 30) throw std::invalid_argument("postings cut short");
      const int v = digit_value(text[i++]);
      if (v < 0) throw std::invalid_argument("not a postings character");
      gap |= static_cast<std::uint32_t>(v & 31) << shift;
      shift += 5;
      if (v < 32) break;
    }
    if (i >= text.size()) throw std::invalid_argument("postings without flags");
    const int flags = digit_value(text[i++]);
    if (flags < 0 || flags > 15) throw std::invalid_argument("bad postings flags");
    const std::uint32_t doc = next + gap;
    out.push_back(doc << 4 | static_cast<std::uint32_t>(flags));
    next = doc + 1;
  }
  return out;
}

void write_search_files(const SearchIndex& index, const SearchFileWriter& write) {
  const std::size_t shard_count = search_shard_count(index.documents.size());
  // The terms of each shard, by their bytes (index.terms is sorted).
  std::vector<std::vector<const SearchTerm*>> shards(shard_count);
  for (const SearchTerm& term : index.terms) shards[search_shard_of(term.term, shard_count)].push_back(&term);
  // Each file's hash, for the key; index.json is written last.
  std::vector<std::string> hashes(shard_count + index.documents.size());
  parallel_for(hashes.size(), [&](std::size_t i) {
    std::string path, bytes;
    if (i < shard_count) {
      path = search_shard_path(i, shard_count);
      bytes = "{";
      for (const SearchTerm* term : shards[i]) {
        if (bytes.size() > 1) bytes += ',';
        bytes += json_string(term->term);
        bytes += ":\"";
        bytes += encode_postings(term->postings);
        bytes += '"';
      }
      bytes += "}";
    } else {
      path = search_document_path(i - shard_count);
      bytes = document_file(index.documents[i - shard_count]);
    }
    hashes[i] = sha256_hex(bytes);
    write(path, std::move(bytes));
  });
  std::string all;
  for (const std::string& hash : hashes) all += hash;
  nlohmann::ordered_json meta;
  meta["version"] = 1;
  meta["documents"] = index.documents.size();
  meta["shards"] = shard_count;
  nlohmann::ordered_json kinds = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < kSearchKindCount; ++k) kinds.push_back(search_kind_key(static_cast<SearchKind>(k)));
  meta["kinds"] = kinds;
  meta["key"] = sha256_hex(all).substr(0, 12);
  write(kSearchIndexPath, meta.dump());
}

std::vector<SearchFile> search_files(const SearchIndex& index) {
  std::vector<SearchFile> files;
  std::mutex mutex;
  write_search_files(index, [&](const std::string& path, std::string bytes) {
    std::lock_guard<std::mutex> lock(mutex);
    files.push_back({path, std::move(bytes)});
  });
  // In the order of search_output_paths.
  const std::vector<std::string> order = search_output_paths(index.documents.size());
  std::unordered_map<std::string, std::size_t> rank;
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  std::sort(files.begin(), files.end(), [&](const SearchFile& a, const SearchFile& b) { return rank[a.path] < rank[b.path]; });
  return files;
}

}  // namespace zhuanlan
