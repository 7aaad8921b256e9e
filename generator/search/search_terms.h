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

#include "util/text.h"

namespace zhuanlan {

// NFKC_Casefold of UTF-8 text (invalid sequences become U+FFFD).
std::string normalize_for_search(std::string_view text);

// Text whose terms are those of normalize_for_search(text): text itself
// when normalising would change no term (most Chinese text: it skips ICU),
// else the normalised text, kept in buffer.
std::string_view terms_text(std::string_view text, std::string& buffer);

// Whether a code point counts as CJK for the bigrams.
bool is_cjk_code_point(char32_t c);

// Longer words are not indexed (nobody searches a 65-letter word; long runs
// are usually URLs or codes).
inline constexpr std::size_t kMaxWordCodePoints = 64;

// Classes of code points for the runs.
enum class SearchCharClass : unsigned char { other, cjk, word };
SearchCharClass search_char_class(char32_t c);

// One code point at text[i]; i moves past it (bytes that do not decode
// count as U+FFFD, one byte each; normalised text has none).
inline char32_t next_code_point(std::string_view text, std::size_t& i) {
  char32_t c = 0xFFFD;
  const std::size_t length = decode_utf8(text, i, &c);
  i += length == 0 ? 1 : length;
  return c;
}

// Visits the terms of normalised text in text order, repeats included:
// visitor.bigram(first, second, bytes), visitor.edge(c, at_run_end, bytes
// of c) for "<c" (false) and "c>" (true), visitor.word(bytes).
template <typename Visitor>
void scan_search_terms(std::string_view text, Visitor& visitor) {
  using C = SearchCharClass;
  std::size_t run_start = 0, prev_start = 0, run_length = 0;
  char32_t prev = 0;
  C run = C::other;
  const auto end_run = [&](std::size_t at, C next) {
    if (run == C::word && run_length <= kMaxWordCodePoints) {
      visitor.word(text.substr(run_start, at - run_start));
    } else if (run == C::cjk && next == C::word) {
      visitor.edge(prev, true, text.substr(prev_start, at - prev_start));
    }
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    const C now = c < 0x80 ? ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ? C::word : C::other)
                  : (c >= 0x4E00 && c <= 0x9FFF) ? C::cjk  // most of the text, without a call
                                                 : search_char_class(c);
    if (now != run) {
      end_run(start, now);
      if (now == C::cjk && run == C::word) visitor.edge(c, false, text.substr(start, i - start));
      run = now;
      run_start = start;
      run_length = 0;
    } else if (now == C::cjk) {
      visitor.bigram(prev, c, text.substr(prev_start, i - prev_start));
    }
    ++run_length;
    prev = c;
    prev_start = start;
  }
  end_run(text.size(), C::other);
}

// Calls emit for every term of normalised text, as text ("产教", "<月",
// "月>", "plc"), in text order, repeats included.
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
