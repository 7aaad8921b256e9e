#include "search/search_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>

#include "model/markdown_document.h"
#include "search/search_terms.h"

namespace zhuanlan {
namespace {

std::shared_ptr<const MarkdownDocument> body(const std::string& text) {
  auto doc = std::make_shared<MarkdownDocument>();
  doc->plain_text = text;
  return doc;
}

Timestamp at(const std::string& text) { return *parse_timestamp(text, nullptr); }

NewsItem news(const std::string& title, const std::string& date, const std::string& text, bool draft = false) {
  NewsItem item;
  item.title = title;
  item.url = "news/" + std::to_string(std::hash<std::string>{}(title) % 100000) + ".html";
  item.date = at(date);
  item.day = china_day(item.date.utc);
  item.department = "汽车工程学院";
  item.body = body(text);
  item.draft = draft;
  return item;
}

SiteModel sample_model() {
  SiteModel model;
  model.news = {news("校企合作签约仪式举行", "2025-05-14 10:00", "学院与企业签约，深化产教融合。"),
                news("草稿：尚未审核", "2025-05-15", "草稿正文", true),
                news("技能竞赛圆满落幕", "2025-05-12 16:30", "PLC编程技能竞赛，30名选手参加。")};
  Activity activity;
  activity.title = "新能源汽车维修技能竞赛";
  activity.url = "schedule/contest.html";
  activity.start = at("2025-05-13 09:00");
  activity.first_day = china_day(activity.start.utc);
  activity.location = "汽车实训中心";
  activity.lead = "汽车工程学院";
  model.activities.push_back(activity);
  Person person;
  person.name = "林知秋";
  person.url = "people/lin.html";
  person.role = "大国工匠";
  person.story_markdown = body("扎根一线二十年。");
  model.exhibition.people.push_back(person);
  FreePage page;
  page.title = "职业教育活动周工作方案";
  page.url = "pages/plan.html";
  page.body = body("方案全文。");
  model.pages.push_back(page);
  Achievement exhibit;
  exhibit.title = "全国职业院校技能大赛一等奖";
  exhibit.url = "exhibition/gold.html";
  exhibit.date = "2024-06";
  exhibit.date_text = "2024年6月";
  exhibit.department = "汽车工程学院";
  exhibit.people = {"学生甲", "学生乙"};
  model.exhibition.exhibits.push_back(exhibit);
  return model;
}

const SearchTerm* find_term(const SearchIndex& index, const std::string& term) {
  const auto it = std::lower_bound(index.terms.begin(), index.terms.end(), term,
                                   [](const SearchTerm& t, const std::string& key) { return t.term < key; });
  return it != index.terms.end() && it->term == term ? &*it : nullptr;
}

// The documents that hold every term of query: what the browser computes.
std::set<std::uint32_t> candidates(const SearchIndex& index, const std::string& query) {
  std::set<std::uint32_t> out;
  bool first = true;
  for (const std::string& term : search_terms(query)) {
    std::set<std::uint32_t> docs;
    if (const SearchTerm* t = find_term(index, term)) {
      for (const std::uint32_t p : t->postings) docs.insert(posting_document(p));
    }
    if (first) {
      out = docs;
      first = false;
    } else {
      std::set<std::uint32_t> both;
      std::set_intersection(out.begin(), out.end(), docs.begin(), docs.end(), std::inserter(both, both.end()));
      out = both;
    }
  }
  return out;
}

TEST(SearchIndex, DocumentsAreNewestFirstWithoutDrafts) {
  const SiteModel model = sample_model();
  const std::vector<SearchDocument> docs = search_documents(model);
  std::vector<std::string> titles;
  for (const auto& doc : docs) titles.push_back(doc.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"校企合作签约仪式举行", "新能源汽车维修技能竞赛", "技能竞赛圆满落幕",
                                              "全国职业院校技能大赛一等奖", "林知秋", "职业教育活动周工作方案"}));
  EXPECT_EQ(search_document_count(model), docs.size());
  EXPECT_EQ(docs[0].kind, SearchKind::news);
  EXPECT_EQ(docs[0].label, "2025年5月14日");
  EXPECT_EQ(docs[1].kind, SearchKind::activity);
  EXPECT_EQ(docs[3].label, "2024年6月");
  EXPECT_EQ(docs[4].label, "大国工匠");
  EXPECT_NE(docs[3].text.find("学生甲、学生乙"), std::string::npos);
  EXPECT_NE(docs[0].text.find("汽车工程学院"), std::string::npos);
  EXPECT_EQ(std::string(search_kind_key(docs[5].kind)), "page");
}

TEST(SearchIndex, PostingsHoldTheDocumentKindAndTitle) {
  const SearchIndex index = build_search_index(search_documents(sample_model()));
  const SearchTerm* contest = find_term(index, "竞赛");
  ASSERT_NE(contest, nullptr);
  ASSERT_EQ(contest->postings.size(), 2u);
  EXPECT_EQ(posting_document(contest->postings[0]), 1u);
  EXPECT_EQ(posting_kind(contest->postings[0]), SearchKind::activity);
  EXPECT_EQ(contest->postings[0] & kPostingInTitle, kPostingInTitle);
  EXPECT_EQ(posting_document(contest->postings[1]), 2u);
  const SearchTerm* fusion = find_term(index, "融合");  // only in the text
  ASSERT_NE(fusion, nullptr);
  EXPECT_EQ(fusion->postings, (std::vector<std::uint32_t>{0u << 4 | 0u}));
  EXPECT_NE(find_term(index, "plc"), nullptr);
  EXPECT_NE(find_term(index, "30"), nullptr);
  EXPECT_NE(find_term(index, "<名"), nullptr);
  EXPECT_EQ(find_term(index, "草稿"), nullptr) << "a draft was indexed";
  EXPECT_TRUE(std::is_sorted(index.terms.begin(), index.terms.end(),
                             [](const SearchTerm& a, const SearchTerm& b) { return a.term < b.term; }));
}

TEST(SearchIndex, FindsEveryItemThatHoldsAQuery) {
  // Every substring of two to six characters of every title and text finds
  // (at least) every document that holds it.
  const SearchIndex index = build_search_index(search_documents(sample_model()));
  std::size_t checked = 0;
  for (const SearchDocument& doc : index.documents) {
    for (const std::string& field : {doc.title, doc.text}) {
      const std::string text = normalize_for_search(field);
      std::vector<std::size_t> starts;
      for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
      }
      starts.push_back(text.size());
      for (std::size_t a = 0; a < starts.size(); ++a) {
        for (std::size_t n = 2; n <= 6 && a + n < starts.size(); ++n) {
          const std::string query = text.substr(starts[a], starts[a + n] - starts[a]);
          // Latin words and numbers are found whole, not from their middle.
          const auto inner = [&](std::size_t at) {
            const auto ascii = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
            return at > 0 && at < text.size() && ascii(text[at - 1]) && ascii(text[at]);
          };
          if (inner(starts[a]) || inner(starts[a + n]) || search_terms(query).empty()) continue;
          const std::set<std::uint32_t> found = candidates(index, query);
          for (std::uint32_t d = 0; d < index.documents.size(); ++d) {
            const SearchDocument& other = index.documents[d];
            if (normalize_for_search(other.title).find(query) != std::string::npos ||
                normalize_for_search(other.text).find(query) != std::string::npos) {
              EXPECT_TRUE(found.count(d)) << "“" << query << "” not found in " << other.title;
            }
          }
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 300u);
}

TEST(SearchIndex, IcuWordsOfTitlesAreTerms) {
  const SearchIndex index = build_search_index(search_documents(sample_model()));
  // 职业教育 is one word for ICU; four characters, so a term of its own.
  const SearchTerm* word = find_term(index, "职业教育");
  ASSERT_NE(word, nullptr);
  EXPECT_EQ(word->postings, (std::vector<std::uint32_t>{5u << 4 | 5u << 1 | kPostingInTitle}));
}

TEST(SearchIndex, SameDocumentsGiveTheSameIndex) {
  const SearchIndex a = build_search_index(search_documents(sample_model()));
  const SearchIndex b = build_search_index(search_documents(sample_model()));
  ASSERT_EQ(a.terms.size(), b.terms.size());
  for (std::size_t i = 0; i < a.terms.size(); ++i) {
    EXPECT_EQ(a.terms[i].term, b.terms[i].term);
    EXPECT_EQ(a.terms[i].postings, b.terms[i].postings);
  }
}

}  // namespace
}  // namespace zhuanlan
