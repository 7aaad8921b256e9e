#pragma once
// The files of the site search, all under search/, as the browser
// (assets/search.js) reads them:
//
//   search/index.json    {"version":2,"documents":N,"shards":S,"kinds":[…],"runs":"…","key":"…"}
//   search/s/<h>.json    {"term":"postings",…}: the terms whose hash falls in shard h
//   search/d/<n>.txt     document n: a line of JSON {"t":title,"u":url,"k":kind,
//                        "l":label}, then its text as it is
//
// A query reads index.json, the shards of its terms (FNV-1a of the term's
// UTF-8 bytes, modulo S; S is a power of two, one shard for about 16
// documents, at most 4,096) and the documents it shows. "key" is a hash of
// all the files: the browser asks for shards and documents with ?v=key, so
// that a cache never mixes two builds. Numbers are written in base64url
// characters (A–Z a–z 0–9 - _, values 0–63) as groups of five bits, lowest
// first, each of them but the last plus 32.
//
// "runs" gives every document's kind, newest first: for each run of
// documents of one kind, the kind (one character) and the run's length − 1.
//
// Postings: the documents that hold the term, either as gaps (for each
// document, document − previous − 1, the first counting from −1) or, when
// that is shorter, as "~" and a bitmap (document d is bit d % 6 of the
// character d / 6); then, if the term is in some titles, "." and those
// documents as gaps.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "search/search_index.h"

namespace zhuanlan {

inline constexpr const char* kSearchIndexPath = "search/index.json";
inline constexpr const char* kSearchPagePath = "search/index.html";

std::size_t search_shard_count(std::size_t documents);
std::uint32_t search_term_hash(std::string_view term);
std::size_t search_shard_of(std::string_view term, std::size_t shard_count);
std::string search_shard_path(std::size_t shard, std::size_t shard_count);
std::string search_document_path(std::size_t document);

// Every file search_files writes for that many documents, for the output plan.
std::vector<std::string> search_output_paths(std::size_t documents);

// The shards a query reads: those of its terms, sorted, each once.
std::vector<std::size_t> search_query_shards(std::string_view query, std::size_t shard_count);

// Postings (doc << 4 | kind << 1 | in_title) as a shard writes them; the
// kind is left out (it is in "runs").
std::string encode_postings(const std::vector<std::uint32_t>& postings);
// The reverse of encode_postings (the browser's reading, for tests), with
// kind 0; throws std::invalid_argument for text that encode_postings never
// writes.
std::vector<std::uint32_t> decode_postings(std::string_view text);
// index.json's "runs" for documents, and its reverse (for tests).
std::string encode_kind_runs(const std::vector<SearchDocument>& documents);
std::vector<SearchKind> decode_kind_runs(std::string_view text);

struct SearchFile {
  std::string path;   // site-relative
  std::string bytes;
};

// Hands every file to write, each once, from several threads at once:
// every shard (empty ones too, so that no query meets a missing file),
// every document, and index.json last. Nothing is kept: at 10,000 items the
// files hold about 60 MB.
using SearchFileWriter = std::function<void(const std::string& path, std::string bytes)>;
void write_search_files(const SearchIndex& index, const SearchFileWriter& write);

// The same files, kept, in the order of search_output_paths (for tests).
std::vector<SearchFile> search_files(const SearchIndex& index);

}  // namespace zhuanlan
