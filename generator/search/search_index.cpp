#include "search/search_index.h"

#include <algorithm>
#include <atomic>
#include <unordered_map>

#include "model/markdown_document.h"
#include "search/search_terms.h"
#include "util/parallel.h"
#include "util/text.h"

namespace zhuanlan {

namespace {

std::string_view text_of(const std::shared_ptr<const MarkdownDocument>& body) {
  if (!body) return {};
  std::string_view text = body->plain_text;
  const std::size_t begin = text.find_first_not_of(" \n\t\r");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \n\t\r") - begin + 1);
}

// A document's fields, one a line; empty ones are left out.
std::string lines(std::initializer_list<std::string> fields) {
  std::string out;
  for (const std::string& field : fields) {
    const std::string text = collapse_whitespace(field);
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
                            lines({item.department, join(item.tags, " ")}), text_of(item.body)};
    });
  }
  kind = SearchKind::activity;
  for (const Activity& a : model.activities) {
    add([&] {
      return SearchDocument{SearchKind::activity, a.title, a.url, format_rfc3339_china(a.start.utc),
                            format_day_chinese(a.first_day),
                            lines({a.location, a.lead, join(a.partners), a.category, a.audience}),
                            text_of(a.summary_markdown)};
    });
  }
  kind = SearchKind::exhibit;
  for (const Achievement& a : model.exhibition.exhibits) {
    add([&] {
      return SearchDocument{SearchKind::exhibit, a.title, a.url, a.date, a.date_text.empty() ? a.level : a.date_text,
                            lines({a.department, a.category, a.level, join(a.people)}), text_of(a.summary_markdown)};
    });
  }
  kind = SearchKind::person;
  for (const Person& p : model.exhibition.people) {
    add([&] {
      return SearchDocument{SearchKind::person, p.name, p.url, "", p.role,
                            lines({p.role, p.department, join(p.honors)}), text_of(p.story_markdown)};
    });
  }
  kind = SearchKind::tour_stop;
  if (model.tour) {
    for (const TourStop& stop : model.tour->stops) {
      add([&] {
        return SearchDocument{SearchKind::tour_stop, stop.name, stop.url, "", model.tour->title,
                              "", text_of(stop.description_markdown)};
      });
    }
  }
  kind = SearchKind::page;
  for (const FreePage& page : model.pages) {
    add([&] { return SearchDocument{SearchKind::page, page.title, page.url, "", "", lines({page.summary}), text_of(page.body)}; });
  }
}

// A CJK term as a number: a bigram holds its two code points, an edge
// term its code point and side, each with a tag bit. Words (Latin words,
// numbers, ICU's longer Chinese words) are kept as text.
constexpr std::uint64_t kBigramTag = 1ULL << 62, kEdgeTag = 1ULL << 61;

constexpr std::uint32_t kNoDocument = 0xFFFFFFFFu;

struct LocalTerm {
  std::uint64_t key = 0;  // 0 for a word
  std::string word;
  std::vector<std::uint32_t> postings;  // of this worker's documents, ascending
};

// Where a worker keeps a term: its index in the worker's terms and the last
// document that had it (so that a repeat costs one look-up).
struct TermSlot {
  std::uint32_t term = kNoDocument;
  std::uint32_t last_document = kNoDocument;
};

// Key -> TermSlot: open addressing, linear probing (std::unordered_map took
// most of the index's time; a site has a few hundred thousand distinct keys
// at most, and each is looked up thousands of times).
class KeyTable {
 public:
  KeyTable() : slots_(1024) {}
  TermSlot& at(std::uint64_t key) {
    if ((used_ + 1) * 2 > slots_.size()) grow();
    std::size_t i = slot_of(key);
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i].key == 0) {
      slots_[i].key = key;
      ++used_;
    }
    return slots_[i].value;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;
    TermSlot value;
  };
  std::size_t slot_of(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & (slots_.size() - 1);
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.key == 0) continue;
      std::size_t i = slot_of(slot.key);
      while (slots_[i].key != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = slot;
    }
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// One worker's share of the index: the postings of the documents it took.
struct Worker {
  SearchWordBreaker breaker;
  KeyTable keys;
  std::unordered_map<std::string, TermSlot, TransparentHash, std::equal_to<>> words;
  std::vector<LocalTerm> terms;
  std::uint32_t document = 0, base = 0, title = 0;
  std::string buffer;

  void add(TermSlot& slot, std::uint64_t key, std::string_view word) {
    if (slot.last_document == document) return;  // the title comes first and sets the flag
    slot.last_document = document;
    if (slot.term == kNoDocument) {
      slot.term = static_cast<std::uint32_t>(terms.size());
      terms.push_back({key, std::string(word), {}});
    }
    terms[slot.term].postings.push_back(base | title);
  }
  void bigram(char32_t a, char32_t b, std::string_view) {
    const std::uint64_t key = kBigramTag | static_cast<std::uint64_t>(a) << 21 | b;
    add(keys.at(key), key, {});
  }
  void edge(char32_t c, bool at_end, std::string_view) {
    const std::uint64_t key = kEdgeTag | (at_end ? 1ULL << 21 : 0) | c;
    add(keys.at(key), key, {});
  }
  void word(std::string_view text) {
    auto it = words.find(text);
    if (it == words.end()) it = words.emplace(std::string(text), TermSlot{}).first;
    add(it->second, 0, text);
  }

  void collect(std::uint32_t number, const SearchDocument& doc) {
    document = number;
    base = number << 4 | static_cast<std::uint32_t>(doc.kind) << 1;
    title = kPostingInTitle;
    const std::string normalized_title = normalize_for_search(doc.title);
    scan_search_terms(normalized_title, *this);
    for (const std::string& w : breaker.words(normalized_title)) word(w);
    title = 0;
    scan_search_terms(terms_text(doc.text, buffer), *this);
    scan_search_terms(terms_text(doc.body, buffer), *this);
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

std::string key_text(std::uint64_t key) {
  std::string out;
  if (key & kBigramTag) {
    append_utf8(out, static_cast<char32_t>((key >> 21) & 0x1FFFFF));
    append_utf8(out, static_cast<char32_t>(key & 0x1FFFFF));
  } else {
    const bool end = key & (1ULL << 21);
    if (!end) out += '<';
    append_utf8(out, static_cast<char32_t>(key & 0x1FFFFF));
    if (end) out += '>';
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
  std::vector<Worker> workers(worker_count());
  std::atomic<std::size_t> next_worker{0};
  // Each worker takes documents in ascending order, so its postings are sorted.
  parallel_for_with_state(
      index.documents.size(), [&] { return &workers[next_worker++]; },
      [&](Worker* worker, std::size_t i) { worker->collect(static_cast<std::uint32_t>(i), index.documents[i]); });

  // The workers' postings of each term, merged in document order.
  std::unordered_map<std::uint64_t, std::size_t> by_key;
  std::unordered_map<std::string, std::size_t> by_word;
  for (Worker& worker : workers) {
    for (LocalTerm& term : worker.terms) {
      const std::size_t next = index.terms.size();
      const std::size_t at = term.key != 0 ? by_key.try_emplace(term.key, next).first->second
                                           : by_word.try_emplace(term.word, next).first->second;
      if (at == next) {
        index.terms.push_back({term.key != 0 ? key_text(term.key) : std::move(term.word), std::move(term.postings)});
        continue;
      }
      std::vector<std::uint32_t>& postings = index.terms[at].postings;
      const std::size_t middle = postings.size();
      postings.insert(postings.end(), term.postings.begin(), term.postings.end());
      std::inplace_merge(postings.begin(), postings.begin() + static_cast<std::ptrdiff_t>(middle), postings.end());
    }
    worker.terms = {};
  }
  std::sort(index.terms.begin(), index.terms.end(), [](const SearchTerm& a, const SearchTerm& b) { return a.term < b.term; });
  return index;
}

}  // namespace zhuanlan
