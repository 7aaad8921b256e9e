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
// One shard for about this many documents: with dense terms as bitmaps, a
// shard at 10,000 items holds a few terms of at most 2 KB each.
constexpr std::size_t kDocumentsPerShard = 16;

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
  return std::clamp<std::size_t>(std::bit_ceil(std::max<std::size_t>(documents / kDocumentsPerShard, 1)), 1, kMaxShards);
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

namespace {

void put_number(std::string& out, std::uint32_t value) {
  while (value >= 32) {
    out += kAlphabet[32 + (value & 31)];
    value >>= 5;
  }
  out += kAlphabet[value];
}

std::uint32_t take_number(std::string_view text, std::size_t& i) {
  std::uint32_t value = 0;
  int shift = 0;
  for (;;) {
    if (i >= text.size() || shift > 30) throw std::invalid_argument("number cut short");
    const int v = digit_value(text[i++]);
    if (v < 0) throw std::invalid_argument("not a postings character");
    value |= static_cast<std::uint32_t>(v & 31) << shift;
    shift += 5;
    if (v < 32) return value;
  }
}

// Documents as gaps: document − previous − 1, the first counting from −1.
template <typename Documents>
std::string gap_list(const Documents& documents) {
  std::string out;
  std::uint32_t next = 0;  // the previous document + 1
  for (const std::uint32_t doc : documents) {
    put_number(out, doc - next);
    next = doc + 1;
  }
  return out;
}

std::vector<std::uint32_t> read_gaps(std::string_view text) {
  std::vector<std::uint32_t> out;
  std::uint32_t next = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::uint32_t doc = next + take_number(text, i);
    out.push_back(doc);
    next = doc + 1;
  }
  return out;
}

}  // namespace

std::string encode_postings(const std::vector<std::uint32_t>& postings) {
  std::vector<std::uint32_t> documents, titles;
  documents.reserve(postings.size());
  for (const std::uint32_t posting : postings) {
    documents.push_back(posting_document(posting));
    if (posting & kPostingInTitle) titles.push_back(posting_document(posting));
  }
  std::string out = gap_list(documents);
  // A term in many documents: one bit a document is shorter.
  if (!documents.empty() && documents.back() / 6 + 2 < out.size()) {
    std::string bits(documents.back() / 6 + 1, 0);
    for (const std::uint32_t doc : documents) bits[doc / 6] = static_cast<char>(bits[doc / 6] | 1 << (doc % 6));
    out = "~";
    for (const char b : bits) out += kAlphabet[static_cast<unsigned char>(b)];
  }
  if (!titles.empty()) {
    out += '.';
    out += gap_list(titles);
  }
  return out;
}

std::vector<std::uint32_t> decode_postings(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view body = text.substr(0, dot);
  std::vector<std::uint32_t> documents;
  if (!body.empty() && body[0] == '~') {
    for (std::size_t i = 1; i < body.size(); ++i) {
      const int v = digit_value(body[i]);
      if (v < 0) throw std::invalid_argument("not a bitmap character");
      for (int bit = 0; bit < 6; ++bit) {
        if (v & 1 << bit) documents.push_back(static_cast<std::uint32_t>((i - 1) * 6 + bit));
      }
    }
  } else {
    documents = read_gaps(body);
  }
  const std::vector<std::uint32_t> titles =
      dot == std::string_view::npos ? std::vector<std::uint32_t>{} : read_gaps(text.substr(dot + 1));
  std::vector<std::uint32_t> out;
  std::size_t t = 0;
  for (const std::uint32_t doc : documents) {
    const bool in_title = t < titles.size() && titles[t] == doc;
    if (in_title) ++t;
    out.push_back(doc << 4 | (in_title ? kPostingInTitle : 0));
  }
  if (t != titles.size()) throw std::invalid_argument("a title document that the term does not list");
  return out;
}

std::string encode_kind_runs(const std::vector<SearchDocument>& documents) {
  std::string out;
  for (std::size_t i = 0; i < documents.size();) {
    std::size_t end = i + 1;
    while (end < documents.size() && documents[end].kind == documents[i].kind) ++end;
    out += kAlphabet[static_cast<std::size_t>(documents[i].kind)];
    put_number(out, static_cast<std::uint32_t>(end - i - 1));
    i = end;
  }
  return out;
}

std::vector<SearchKind> decode_kind_runs(std::string_view text) {
  std::vector<SearchKind> out;
  for (std::size_t i = 0; i < text.size();) {
    const int kind = digit_value(text[i++]);
    if (kind < 0 || kind >= static_cast<int>(kSearchKindCount)) throw std::invalid_argument("not a kind");
    out.insert(out.end(), take_number(text, i) + 1, static_cast<SearchKind>(kind));
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
  meta["version"] = 2;
  meta["documents"] = index.documents.size();
  meta["shards"] = shard_count;
  nlohmann::ordered_json kinds = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < kSearchKindCount; ++k) kinds.push_back(search_kind_key(static_cast<SearchKind>(k)));
  meta["kinds"] = kinds;
  meta["runs"] = encode_kind_runs(index.documents);
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
