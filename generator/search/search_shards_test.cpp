#include "search/search_shards.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "search/search_terms.h"

namespace zhuanlan {
namespace {

SearchDocument doc(SearchKind kind, const std::string& title, const std::string& text) {
  return {kind, title, "news/" + std::to_string(title.size()) + ".html", "", "", text};
}

// A document file: its head (JSON) and its text.
std::pair<nlohmann::json, std::string> read_document(const std::string& bytes) {
  const std::size_t newline = bytes.find('\n');
  return {nlohmann::json::parse(bytes.substr(0, newline)), bytes.substr(newline + 1)};
}

std::vector<SearchDocument> sample_documents() {
  return {doc(SearchKind::news, "汽车工程学院举办技能竞赛", "产教融合，校企合作。"),
          doc(SearchKind::activity, "实训基地开放日", "欢迎参观实训基地。"),
          doc(SearchKind::person, "林知秋", "技能竞赛金牌教练")};
}

TEST(SearchShards, PostingsEncodeGapsAndTitles) {
  // doc 0 in the title; doc 1; doc 40 (gap 38 = 6 + 32·1) in the title. The
  // kind (here 1 for doc 40) is not written: index.json's runs hold it.
  const std::vector<std::uint32_t> postings = {0u << 4 | 1, 1u << 4, 40u << 4 | 1u << 1 | 1};
  EXPECT_EQ(encode_postings(postings), "AAmB.AnB");
  EXPECT_EQ(decode_postings("AAmB.AnB"), (std::vector<std::uint32_t>{0u << 4 | 1, 1u << 4, 40u << 4 | 1}));
  std::vector<std::uint32_t> far;
  for (const std::uint32_t d : {3u, 35u, 1100u, 70000u, (1u << 27) + 5}) far.push_back(d << 4);
  EXPECT_EQ(decode_postings(encode_postings(far)), far);
  EXPECT_THROW(decode_postings("g"), std::invalid_argument);  // 'g' = 32: continued, then nothing
  EXPECT_THROW(decode_postings("A!"), std::invalid_argument);
  EXPECT_THROW(decode_postings("A.B"), std::invalid_argument);  // a title document not in the list
}

TEST(SearchShards, DenseTermsAreBitmaps) {
  // Documents 0–11 but 6: gaps would take 11 characters, the bitmap 2.
  std::vector<std::uint32_t> postings;
  for (std::uint32_t d = 0; d < 12; ++d) {
    if (d != 6) postings.push_back(d << 4 | (d == 11 ? 1 : 0));
  }
  const std::string text = encode_postings(postings);
  EXPECT_EQ(text, "~_-.L");  // 0-5: 63 = '_', 7-11: 62 = '-'; title: doc 11
  EXPECT_EQ(decode_postings(text), postings);
}

TEST(SearchShards, KindRunsGiveEveryDocumentsKind) {
  std::vector<SearchDocument> docs;
  for (const SearchKind kind : {SearchKind::news, SearchKind::news, SearchKind::activity, SearchKind::news}) {
    docs.push_back(doc(kind, "标题", ""));
  }
  for (int i = 0; i < 40; ++i) docs.push_back(doc(SearchKind::page, "页面", ""));
  const std::string runs = encode_kind_runs(docs);
  EXPECT_EQ(runs, "ABBAAAFnB");  // news ×2, activity ×1, news ×1, page ×40 (39 = 7 + 32)
  const std::vector<SearchKind> kinds = decode_kind_runs(runs);
  ASSERT_EQ(kinds.size(), docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(kinds[i], docs[i].kind) << i;
}

TEST(SearchShards, ShardCountGrowsWithTheSite) {
  EXPECT_EQ(search_shard_count(0), 1u);
  EXPECT_EQ(search_shard_count(3), 1u);
  EXPECT_EQ(search_shard_count(100), 8u);
  EXPECT_EQ(search_shard_count(1000), 64u);
  EXPECT_EQ(search_shard_count(10000), 1024u);
  EXPECT_EQ(search_shard_count(100000), 4096u);
  EXPECT_EQ(search_shard_count(1000000), 4096u);
  EXPECT_EQ(search_shard_path(0, 1), "search/s/0.json");
  EXPECT_EQ(search_shard_path(10, 16), "search/s/a.json");
  EXPECT_EQ(search_shard_path(10, 64), "search/s/0a.json");
  EXPECT_EQ(search_shard_path(4095, 4096), "search/s/fff.json");
}

TEST(SearchShards, TermsHashWithFnv1a) {
  // The browser computes the same values (assets/search.js).
  EXPECT_EQ(search_term_hash(""), 0x811c9dc5u);
  EXPECT_EQ(search_term_hash("a"), 0xe40c292cu);
  EXPECT_EQ(search_shard_of("a", 64), 0x2cu);
}

TEST(SearchShards, AQueryReadsOnlyTheShardsOfItsTerms) {
  const std::size_t count = 512;
  std::set<std::size_t> expected;
  for (const char* term : {"技能", "竞赛"}) expected.insert(search_shard_of(term, count));
  const std::vector<std::size_t> shards = search_query_shards("技能 竞赛", count);
  EXPECT_EQ(std::set<std::size_t>(shards.begin(), shards.end()), expected);
  // 技能竞赛 also needs 能竞.
  EXPECT_EQ(search_query_shards("技能竞赛", count).size(),
            std::set<std::size_t>({search_shard_of("技能", count), search_shard_of("能竞", count),
                                   search_shard_of("竞赛", count)}).size());
}

TEST(SearchShards, FilesHoldEveryTermInItsShard) {
  const SearchIndex index = build_search_index(sample_documents());
  const std::vector<SearchFile> files = search_files(index);
  std::vector<std::string> paths;
  for (const auto& file : files) paths.push_back(file.path);
  EXPECT_EQ(paths, search_output_paths(index.documents.size()));
  const auto meta = nlohmann::json::parse(files[0].bytes);
  EXPECT_EQ(meta["documents"], 3);
  EXPECT_EQ(meta["shards"], 1);
  EXPECT_EQ(meta["kinds"][4], "tour");
  EXPECT_EQ(meta["key"].get<std::string>().size(), 12u);
  const auto shard = nlohmann::json::parse(files[1].bytes);
  EXPECT_EQ(shard.size(), index.terms.size());
  const auto postings = decode_postings(shard["竞赛"].get<std::string>());
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(posting_document(postings[1]), 2u);
  EXPECT_EQ(decode_kind_runs(meta["runs"].get<std::string>())[posting_document(postings[1])], SearchKind::person);
  const auto [head, text] = read_document(files[2].bytes);
  EXPECT_EQ(head["t"], "汽车工程学院举办技能竞赛");
  EXPECT_EQ(head["k"], 0);
  EXPECT_EQ(text, "产教融合，校企合作。");
}

TEST(SearchShards, LargerSitesSpreadTermsOverShards) {
  std::vector<SearchDocument> docs;
  for (int i = 0; i < 300; ++i) docs.push_back(doc(SearchKind::news, "第" + std::to_string(i) + "条新闻", "正文"));
  const SearchIndex index = build_search_index(docs);
  const std::vector<SearchFile> files = search_files(index);
  const std::size_t shards = search_shard_count(300);
  ASSERT_EQ(files.size(), 1 + shards + 300);
  std::size_t terms = 0;
  for (std::size_t s = 0; s < shards; ++s) {
    const auto shard = nlohmann::json::parse(files[1 + s].bytes);
    for (const auto& [term, list] : shard.items()) {
      EXPECT_EQ(search_shard_of(term, shards), s) << term;
      ++terms;
    }
  }
  EXPECT_EQ(terms, index.terms.size());
}

TEST(SearchShards, HostileTextStaysData) {
  const std::string title = "<img src=x onerror=alert(1)>\"引号\"\\ </script>\n第二行 \u2028";
  const SearchIndex index = build_search_index({doc(SearchKind::news, title, "& <b>粗体</b>\n第二段")});
  const std::vector<SearchFile> files = search_files(index);
  const auto [head, text] = read_document(files.back().bytes);
  EXPECT_EQ(head["t"], title);  // its line break is escaped in the head
  EXPECT_EQ(text, "& <b>粗体</b>\n第二段");
  // Every shard is valid JSON whatever the terms.
  for (std::size_t i = 0; i + 1 < files.size(); ++i) EXPECT_TRUE(nlohmann::json::accept(files[i].bytes)) << files[i].path;
}

TEST(SearchShards, SameIndexSameBytes) {
  const std::vector<SearchFile> a = search_files(build_search_index(sample_documents()));
  const std::vector<SearchFile> b = search_files(build_search_index(sample_documents()));
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].bytes, b[i].bytes) << a[i].path;
  std::vector<SearchDocument> changed = sample_documents();
  changed[1].text += "新增";
  const std::vector<SearchFile> c = search_files(build_search_index(changed));
  EXPECT_NE(nlohmann::json::parse(a[0].bytes)["key"], nlohmann::json::parse(c[0].bytes)["key"]);
}

}  // namespace
}  // namespace zhuanlan
