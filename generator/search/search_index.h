#pragma once
// What the site search finds: one document per published item (news,
// activities, exhibits, people, tour stops, pages) with the text it is
// found by, and for every term (search/search_terms.h) the documents that
// hold it. Documents are numbered newest first, so that a smaller number
// is a newer item and the browser breaks ties by number.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/site_model.h"

namespace zhuanlan {

// In the order of the numbers the index files use for them.
enum class SearchKind : std::uint8_t { news, activity, exhibit, person, tour_stop, page };
inline constexpr std::size_t kSearchKindCount = 6;

// news, activity, exhibit, person, tour, page: the kind's name in the search
// page's address (?kind=news) and in its filter.
const char* search_kind_key(SearchKind kind);

struct SearchDocument {
  SearchKind kind = SearchKind::news;
  std::string title;
  std::string url;    // site-relative
  std::string date;   // for ordering (2025-05-13T16:30:00+08:00, 2024-06); empty when undated
  std::string label;  // shown under the title: 2025年5月13日, 2024年6月, the person's role
  std::string text;   // the fields it is found by, one a line: department, tags, people…
  // The body's plain text, read from the model (which outlives the index,
  // so that 40 MB of bodies at 10,000 items are not copied); may be empty.
  std::string_view body;
};

// Every item the search finds, newest first (the documents point into
// model, which must outlive them); items without a date follow
// in the order news, activities, exhibits, people, tour stops, pages. Drafts
// (published only with --drafts) are never indexed.
std::vector<SearchDocument> search_documents(const SiteModel& model);
// How many documents of each kind there are (by SearchKind), without
// copying their text.
std::array<std::size_t, kSearchKindCount> search_kind_counts(const SiteModel& model);
std::size_t search_document_count(const SiteModel& model);

// A posting: doc << 4 | kind << 1 | in_title.
inline constexpr std::uint32_t kPostingInTitle = 1;
inline std::uint32_t posting_document(std::uint32_t posting) { return posting >> 4; }
inline SearchKind posting_kind(std::uint32_t posting) { return static_cast<SearchKind>((posting >> 1) & 7); }

struct SearchTerm {
  std::string term;
  std::vector<std::uint32_t> postings;  // by document number
};

struct SearchIndex {
  std::vector<SearchDocument> documents;
  std::vector<SearchTerm> terms;  // by the term's bytes
};

// Segments every document (in parallel) and collects the postings. The same
// documents always give the same index.
SearchIndex build_search_index(std::vector<SearchDocument> documents);

}  // namespace zhuanlan
