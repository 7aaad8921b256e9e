// The site search's index as `build` writes it: what a visitor's query finds
// after a build and after a rebuild that changed the content, drafts left
// out, and the search page and box.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <thread>

#include "search/search_shards.h"
#include "search/search_terms.h"
#include "test_support.h"
#include "write/build_site.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string news(const std::string& title, const std::string& date, const std::string& body,
                 const std::string& extra = "") {
  return "---\ntitle: " + title + "\ndate: " + date + "\ndepartment: 教务处\n" + extra + "---\n" + body + "\n";
}

std::string document_title(const fs::path& out, std::uint32_t d) {
  const std::string file = testing::read_text(out / search_document_path(d));
  return nlohmann::json::parse(file.substr(0, file.find('\n')))["t"];
}

// The titles of the documents that hold every term of query, read from the
// files as the browser reads them.
std::set<std::string> find(const fs::path& out, const std::string& query) {
  const auto meta = nlohmann::json::parse(testing::read_text(out / kSearchIndexPath));
  const std::size_t shards = meta["shards"];
  std::set<std::uint32_t> docs;
  bool first = true;
  for (const std::string& term : search_terms(query)) {
    const auto shard = nlohmann::json::parse(testing::read_text(out / search_shard_path(search_shard_of(term, shards), shards)));
    std::set<std::uint32_t> has;
    if (shard.contains(term)) {
      for (const std::uint32_t p : decode_postings(shard[term].get<std::string>())) has.insert(posting_document(p));
    }
    if (!first) {
      std::erase_if(has, [&](std::uint32_t d) { return !docs.count(d); });
    }
    docs = has;
    first = false;
  }
  std::set<std::string> titles;
  for (const std::uint32_t d : docs) {
    titles.insert(document_title(out, d));
  }
  return titles;
}

class SearchSite : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_text(site_.path() / "content/site.json", testing::minimal_site_json());
    testing::write_text(site_.path() / "content/news/one.md",
                        news("汽车学院举办技能竞赛", "2025-05-12 09:00", "选手完成故障诊断。"));
    testing::write_text(site_.path() / "content/news/draft.md",
                        news("尚未审核的稿件", "2025-05-13 09:00", "草稿里的秘密词语。", "draft: true\n"));
    testing::write_text(site_.path() / "content/pages/about.md", "---\ntitle: 关于本专栏\n---\n专栏介绍产教融合。\n");
  }

  BuildResult build(bool drafts = false) {
    BuildOptions options;
    options.site_dir = site_.path();
    options.out_dir = out();
    options.include_drafts = drafts;
    BuildResult result = build_site(options);
    for (const auto& d : result.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
    return result;
  }
  fs::path out() const { return outputs_.path() / "public"; }

  TempDir site_;
  TempDir outputs_;
};

TEST_F(SearchSite, BuildWritesTheIndexAndThePage) {
  ASSERT_TRUE(build().ok);
  EXPECT_EQ(find(out(), "技能竞赛"), std::set<std::string>{"汽车学院举办技能竞赛"});
  EXPECT_EQ(find(out(), "产教融合"), std::set<std::string>{"关于本专栏"});
  EXPECT_EQ(find(out(), "秘密"), std::set<std::string>{});
  const std::string page = testing::read_text(out() / kSearchPagePath);
  EXPECT_NE(page.find("data-index=\"../search/index.json\""), std::string::npos);
  EXPECT_NE(page.find("<noscript>"), std::string::npos);
  EXPECT_NE(page.find("value=\"news\""), std::string::npos);
  EXPECT_EQ(page.find("value=\"person\""), std::string::npos) << "a filter for a kind the site does not have";
  // Every page's header has the box: a plain GET form to the search page.
  const std::string item = testing::read_text(out() / "news/one.html");
  EXPECT_NE(item.find("<form class=\"site-search\" role=\"search\" aria-label=\"站内搜索\" action=\"../search/index.html\" method=\"get\">"),
            std::string::npos);
  EXPECT_EQ(testing::read_text(out() / "sitemap.xml").find("search/"), std::string::npos);
}

TEST_F(SearchSite, DraftsAreNeverIndexed) {
  ASSERT_TRUE(build(true).ok);
  EXPECT_TRUE(fs::exists(out() / "news/draft.html"));  // published for preview
  EXPECT_EQ(find(out(), "秘密"), std::set<std::string>{});
  EXPECT_EQ(nlohmann::json::parse(testing::read_text(out() / kSearchIndexPath))["documents"], 2);
}

TEST_F(SearchSite, ARebuildUpdatesTheIndex) {
  ASSERT_TRUE(build().ok);
  const std::string key = nlohmann::json::parse(testing::read_text(out() / kSearchIndexPath))["key"];
  // A later time stamp for the changed file, as an editor gives it.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  testing::write_text(site_.path() / "content/news/one.md",
                      news("汽车学院举办技能竞赛", "2025-05-12 09:00", "选手完成新能源电池检测。"));
  testing::write_text(site_.path() / "content/news/two.md", news("护理学院开放日", "2025-05-14 09:00", "模拟病房。"));
  const BuildResult result = build();
  ASSERT_TRUE(result.ok);
  EXPECT_FALSE(result.up_to_date);
  EXPECT_EQ(find(out(), "故障诊断"), std::set<std::string>{});
  EXPECT_EQ(find(out(), "电池检测"), std::set<std::string>{"汽车学院举办技能竞赛"});
  EXPECT_EQ(find(out(), "模拟病房"), std::set<std::string>{"护理学院开放日"});
  EXPECT_NE(nlohmann::json::parse(testing::read_text(out() / kSearchIndexPath))["key"], key);
  // The newest item is document 0.
  EXPECT_EQ(document_title(out(), 0), "护理学院开放日");
}

TEST_F(SearchSite, SameContentSameIndexBytes) {
  ASSERT_TRUE(build().ok);
  const auto first = testing::read_tree(out() / "search");
  BuildOptions options;
  options.site_dir = site_.path();
  options.out_dir = outputs_.path() / "again";
  options.full = true;
  ASSERT_TRUE(build_site(options).ok);
  EXPECT_EQ(testing::read_tree(outputs_.path() / "again/search"), first);
}

TEST(SearchCorpus, FindsEveryItemThatHoldsAQuery) {
  // The bench corpus (bench/make_corpus.cpp), 200 items: every document
  // whose title or text holds a query is among the documents that hold all
  // of its terms, read from the files as the browser reads them.
  TempDir dir;
  const auto made = testing::run_command(std::string(ZHUANLAN_MAKE_CORPUS) + " --items 200 --seed 3 --out " +
                                         (dir.path() / "corpus").string());
  ASSERT_EQ(made.status, 0) << made.output;
  BuildOptions options;
  options.site_dir = dir.path() / "corpus/site";
  options.out_dir = dir.path() / "out";
  ASSERT_TRUE(build_site(options).ok);
  const fs::path out = options.out_dir;
  const std::size_t documents = nlohmann::json::parse(testing::read_text(out / kSearchIndexPath))["documents"];
  ASSERT_GT(documents, 200u);
  std::vector<std::pair<std::string, std::string>> docs;  // title, normalised title and text
  for (std::size_t d = 0; d < documents; ++d) {
    const std::string file = testing::read_text(out / search_document_path(d));
    const std::string title = nlohmann::json::parse(file.substr(0, file.find('\n')))["t"];
    docs.emplace_back(title, normalize_for_search(title) + "\n" + normalize_for_search(file.substr(file.find('\n') + 1)));
  }
  std::size_t hits = 0;
  for (const char* query : {"技能竞赛", "产教融合", "校企合作", "实训中心", "工匠精神", "非遗", "汽车工程学院", "志愿服务",
                            "职业启蒙", "人工智能", "直播", "一等奖", "心肺复苏", "三百余名", "林知秋", "图书馆报告厅"}) {
    const std::set<std::string> found = find(out, query);
    const std::string wanted = normalize_for_search(query);
    for (const auto& [title, text] : docs) {
      if (text.find(wanted) == std::string::npos) continue;
      ++hits;
      EXPECT_TRUE(found.count(title)) << query << ": " << title;
    }
  }
  EXPECT_GT(hits, 500u);
}

}  // namespace
}  // namespace zhuanlan
