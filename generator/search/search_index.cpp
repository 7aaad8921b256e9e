#include "search/search_index.h"

#include <algorithm>
#include <unordered_map>

#include "model/markdown_document.h"
#include "search/search_terms.h"
#include "util/parallel.h"
#include "util/text.h"

namespace zhuanlan {

namespace {

std::string text_of(const std::shared_ptr<const MarkdownDocument>& body) {
  return body ? body->plain_text : std::string();
}

// Parts of a document's text, one line each; empty parts are left out.
std::string lines(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& part : parts) {
    const std::string text = collapse_whitespace(part);
    if (text.empty()) continue;
    if (!out.empty()) out += '\n';
    out += text;
  }
  return out;
}

using KindCounts = std::array<std::size_t, kSearchKindCount>;

void add_documents(const SiteModel& model, std::vector<SearchDocument>* out, KindCounts* counts) {
  SearchKind kind = SearchKind::news;
  const auto add = [&](auto make) {
    if (counts) ++(*counts)[static_cast<std::size_t>(kind)];
    if (out) out->push_back(make());
  };
  for (const NewsItem& item : model.news) {
    if (item.draft) continue;
    add([&] {
      return SearchDocument{SearchKind::news, item.title, item.url, format_rfc3339_china(item.date.utc),
                            format_day_chinese(item.day),
                            lines({item.department, join(item.tags, " "), text_of(item.body)})};
    });
  }
  kind = SearchKind::activity;
  for (const Activity& a : model.activities) {
    add([&] {
      return SearchDocument{SearchKind::activity, a.title, a.url, format_rfc3339_china(a.start.utc),
                            format_day_chinese(a.first_day),
                            lines({a.location, a.lead, join(a.partners), a.category, a.audience,
                                   text_of(a.summary_markdown)})};
    });
  }
  kind = SearchKind::exhibit;
  for (const Achievement& a : model.exhibition.exhibits) {
    add([&] {
      return SearchDocument{SearchKind::exhibit, a.title, a.url, a.date, a.date_text.empty() ? a.level : a.date_text,
                            lines({a.department, a.category, a.level, join(a.people), text_of(a.summary_markdown)})};
    });
  }
  kind = SearchKind::person;
  for (const Person& p : model.exhibition.people) {
    add([&] {
      return SearchDocument{SearchKind::person, p.name, p.url, "", p.role,
                            lines({p.role, p.department, join(p.honors), text_of(p.story_markdown)})};
    });
  }
  kind = SearchKind::tour_stop;
  if (model.tour) {
    for (const TourStop& stop : model.tour->stops) {
      add([&] {
        return SearchDocument{SearchKind::tour_stop, stop.name, stop.url, "", model.tour->title,
                              lines({text_of(stop.description_markdown)})};
      });
    }
  }
  kind = SearchKind::page;
  for (const FreePage& page : model.pages) {
    add([&] { return SearchDocument{SearchKind::page, page.title, page.url, "", "", lines({page.summary, text_of(page.body)})}; });
  }
}

// A term of one document as a number: CJK bigrams and edge characters hold
// their code points (with a tag bit), words a 60-bit hash of their bytes
// (their text is kept beside). Shifted left by one, the lowest bit says
// the term is in the title.
constexpr std::uint64_t kBigramTag = 1ULL << 62, kEdgeTag = 1ULL << 61, kWordMask = (1ULL << 60) - 1;

char32_t decode(std::string_view s, std::size_t& i) {
  const unsigned char lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) return s[i++];
  const int n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  char32_t c = lead & (n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F);
  for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return c;
}

std::uint64_t word_hash(std::string_view word) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return h & kWordMask;
}

struct DocTerms {
  std::vector<std::uint64_t> keys;  // key << 1 | in_title, sorted, one per key
  std::vector<std::pair<std::uint64_t, std::string>> words;  // the text of word keys
};

struct Collector {
  SearchWordBreaker breaker;
  std::vector<std::uint64_t> keys;

  DocTerms collect(const SearchDocument& doc) {
    DocTerms out;
    keys.clear();
    const auto add = [&](std::string_view term, std::uint64_t title) {
      std::uint64_t key = 0;
      std::size_t i = 0;
      if (term.front() == '<') {  // "<月": the only terms that hold '<' or '>'
        i = 1;
        key = kEdgeTag | decode(term, i);
      } else if (term.back() == '>') {
        key = kEdgeTag | 1ULL << 21 | decode(term, i);
      } else if (const char32_t first = decode(term, i); is_cjk_code_point(first) && i < term.size()) {
        const char32_t second = decode(term, i);
        if (i == term.size()) key = kBigramTag | static_cast<std::uint64_t>(first) << 21 | second;
      }
      if (key == 0) {  // a word
        key = word_hash(term);
        out.words.emplace_back(key, term);
      }
      keys.push_back(key << 1 | title);
    };
    const std::string title = normalize_for_search(doc.title);
    for_each_search_term(title, [&](std::string_view term) { add(term, 1); });
    for (const std::string& word : breaker.words(title)) add(word, 1);
    for_each_search_term(normalize_for_search(doc.text), [&](std::string_view term) { add(term, 0); });
    std::sort(keys.begin(), keys.end());
    for (const std::uint64_t key : keys) {
      // Sorted, the title's copy of a key (lowest bit 1) comes last.
      if (!out.keys.empty() && out.keys.back() >> 1 == key >> 1) {
        out.keys.back() = key;
      } else {
        out.keys.push_back(key);
      }
    }
    std::sort(out.words.begin(), out.words.end());
    out.words.erase(std::unique(out.words.begin(), out.words.end()), out.words.end());
    return out;
  }
};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string key_text(std::uint64_t key, const std::unordered_map<std::uint64_t, std::string>& words) {
  std::string out;
  if (key & kBigramTag) {
    append_utf8(out, static_cast<char32_t>((key >> 21) & 0x1FFFFF));
    append_utf8(out, static_cast<char32_t>(key & 0x1FFFFF));
  } else if (key & kEdgeTag) {
    const bool end = key & (1ULL << 21);
    if (!end) out += '<';
    append_utf8(out, static_cast<char32_t>(key & 0x1FFFFF));
    if (end) out += '>';
  } else {
    out = words.at(key);
  }
  return out;
}

}  // namespace

const char* search_kind_key(SearchKind kind) {
  static constexpr const char* keys[kSearchKindCount] = {"news", "activity", "exhibit", "person", "tour", "page"};
  return keys[static_cast<std::size_t>(kind)];
}

std::vector<SearchDocument> search_documents(const SiteModel& model) {
  std::vector<SearchDocument> documents;
  add_documents(model, &documents, nullptr);
  // Newest first; "" (undated) sorts last, and ties keep the order above.
  std::stable_sort(documents.begin(), documents.end(),
                   [](const SearchDocument& a, const SearchDocument& b) { return a.date > b.date; });
  return documents;
}

KindCounts search_kind_counts(const SiteModel& model) {
  KindCounts counts{};
  add_documents(model, nullptr, &counts);
  return counts;
}

std::size_t search_document_count(const SiteModel& model) {
  std::size_t count = 0;
  for (const std::size_t n : search_kind_counts(model)) count += n;
  return count;
}

SearchIndex build_search_index(std::vector<SearchDocument> documents) {
  SearchIndex index;
  index.documents = std::move(documents);
  std::vector<DocTerms> per_doc(index.documents.size());
  parallel_for_with_state(
      per_doc.size(), [] { return Collector{}; },
      [&](Collector& collector, std::size_t i) { per_doc[i] = collector.collect(index.documents[i]); });

  // Postings in document order; the text of every word key.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings;
  std::unordered_map<std::uint64_t, std::string> words;
  for (std::size_t d = 0; d < per_doc.size(); ++d) {
    const std::uint32_t base = static_cast<std::uint32_t>(d) << 4 |
                               static_cast<std::uint32_t>(index.documents[d].kind) << 1;
    for (const std::uint64_t key : per_doc[d].keys) postings[key >> 1].push_back(base | (key & 1));
    for (auto& [key, text] : per_doc[d].words) words.try_emplace(key, std::move(text));
    per_doc[d] = DocTerms{};
  }
  index.terms.reserve(postings.size());
  for (auto& [key, list] : postings) index.terms.push_back({key_text(key, words), std::move(list)});
  std::sort(index.terms.begin(), index.terms.end(), [](const SearchTerm& a, const SearchTerm& b) { return a.term < b.term; });
  return index;
}

}  // namespace zhuanlan
