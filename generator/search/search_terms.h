#pragma once
// The words a search looks for, made the same way for the index (here) and
// for a visitor's query (assets/search.js, which mirrors these rules):
//
// - Text is normalised first: NFKC with case folding (ICU), so full-width
//   letters and digits meet their half-width forms and case does not matter.
// - A run of CJK characters (Han, kana, Hangul) gives its overlapping
//   character bigrams, so that any two-character substring is found
//   (ICU's word breaks alone split 校企 and 实训 into single characters).
// - A run of other letters, digits and marks is one word (Latin words and
//   numbers are found whole).
// - Where a CJK run touches such a word without a space (5月, 汽车2025), the
//   CJK character at that edge is also a term, marked "<月" (a run starting
//   right after a word) or "车>" (a run ending right before one), so that a
//   query such as 5月 or 车2025 is found.
// - Titles are also segmented with ICU's word break iterator: its CJK words
//   of three characters or more (实训中心) are extra terms that rank whole
//   words higher (the browser finds them with Intl.Segmenter). The
//   dictionary segmenter runs at about 9 MB/s, too slow for every body of a
//   large site, and the bigrams already find every substring.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace zhuanlan {

// NFKC_Casefold of UTF-8 text (invalid sequences become U+FFFD).
std::string normalize_for_search(std::string_view text);

// Whether a code point counts as CJK for the bigrams.
bool is_cjk_code_point(char32_t c);

// Longer words are not indexed (nobody searches a 65-letter word; long runs
// are usually URLs or codes).
inline constexpr std::size_t kMaxWordCodePoints = 64;

// Calls emit for every term of normalised text, in text order, repeats
// included.
void for_each_search_term(std::string_view normalized, const std::function<void(std::string_view)>& emit);

// The terms of text (normalised here), in text order, repeats included.
std::vector<std::string> search_terms(std::string_view text);

// ICU's word break iterator for Chinese. Creating one costs far more than
// using it, so each worker keeps its own (it is not thread-safe).
class SearchWordBreaker {
 public:
  SearchWordBreaker();
  ~SearchWordBreaker();
  SearchWordBreaker(SearchWordBreaker&&) noexcept;
  SearchWordBreaker& operator=(SearchWordBreaker&&) noexcept;
  // The CJK words of at least three code points in normalised text, in text
  // order, repeats included.
  std::vector<std::string> words(std::string_view normalized);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace zhuanlan
