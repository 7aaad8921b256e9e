#include "search/search_terms.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace zhuanlan {

namespace {

// One code point of valid UTF-8 at text[i]; i moves past it.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return text[i++];
  int length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (i + length > text.size()) length = static_cast<int>(text.size() - i);
  char32_t c = lead & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
  for (int k = 1; k < length; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  i += length;
  return c;
}

// Letters, marks and numbers that are not CJK: parts of a word.
bool is_word_code_point(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER: case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

enum class CharClass { cjk, word, other };

CharClass classify(char32_t c) {
  if (is_cjk_code_point(c)) return CharClass::cjk;
  return is_word_code_point(c) ? CharClass::word : CharClass::other;
}

}  // namespace

bool is_cjk_code_point(char32_t c) {
  // The same table is in assets/search.js.
  static constexpr char32_t ranges[][2] = {
      {0x2E80, 0x2FDF}, {0x3005, 0x3007}, {0x3021, 0x3029}, {0x3041, 0x3096}, {0x309D, 0x309F},
      {0x30A1, 0x30FA}, {0x30FC, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E}, {0x31A0, 0x31BF},
      {0x31F0, 0x31FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
      {0x20000, 0x3FFFF}};
  if (c < ranges[0][0]) return false;
  for (const auto& range : ranges) {
    if (c < range[0]) return false;
    if (c <= range[1]) return true;
  }
  return false;
}

std::string normalize_for_search(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU 无法载入 NFKC_Casefold 数据");
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  nfkc_cf->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU 无法规范化文字");
  return out;
}

void for_each_search_term(std::string_view text, const std::function<void(std::string_view)>& emit) {
  // The previous code point's start and class, and where the current run
  // (of CJK characters or of word characters) started.
  std::size_t run_start = 0, prev_start = 0;
  CharClass run = CharClass::other;
  std::size_t run_length = 0;  // code points
  std::string edge;
  const auto end_run = [&](std::size_t at, CharClass next) {
    if (run == CharClass::word && run_length <= kMaxWordCodePoints) {
      emit(text.substr(run_start, at - run_start));
    } else if (run == CharClass::cjk && next == CharClass::word) {
      edge.assign(text.substr(prev_start, at - prev_start)).push_back('>');
      emit(edge);
    }
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const CharClass now = classify(next_code_point(text, i));
    if (now != run) {
      end_run(start, now);
      if (now == CharClass::cjk && run == CharClass::word) {
        edge.assign("<").append(text.substr(start, i - start));
        emit(edge);
      }
      run = now;
      run_start = start;
      run_length = 0;
    } else if (now == CharClass::cjk) {
      emit(text.substr(prev_start, i - prev_start));  // the bigram ending here
    }
    ++run_length;
    prev_start = start;
  }
  end_run(text.size(), CharClass::other);
}

std::vector<std::string> search_terms(std::string_view text) {
  std::vector<std::string> terms;
  for_each_search_term(normalize_for_search(text), [&](std::string_view term) { terms.emplace_back(term); });
  return terms;
}

struct SearchWordBreaker::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
};

SearchWordBreaker::SearchWordBreaker() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
  if (U_FAILURE(status)) throw std::runtime_error("ICU 无法载入中文分词数据");
}
SearchWordBreaker::~SearchWordBreaker() = default;
SearchWordBreaker::SearchWordBreaker(SearchWordBreaker&&) noexcept = default;
SearchWordBreaker& SearchWordBreaker::operator=(SearchWordBreaker&&) noexcept = default;

std::vector<std::string> SearchWordBreaker::words(std::string_view normalized) {
  std::vector<std::string> out;
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(normalized.data(), static_cast<int32_t>(normalized.size())));
  icu::BreakIterator& it = *impl_->iterator;
  it.setText(text);
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    if (it.getRuleStatus() < UBRK_WORD_IDEO || it.getRuleStatus() >= UBRK_WORD_IDEO_LIMIT) continue;
    if (text.countChar32(start, end - start) < 3) continue;
    bool all_cjk = true;
    for (int32_t k = start; k < end && all_cjk; k = text.moveIndex32(k, 1)) all_cjk = is_cjk_code_point(text.char32At(k));
    if (!all_cjk) continue;
    std::string word;
    text.tempSubStringBetween(start, end).toUTF8String(word);
    out.push_back(std::move(word));
  }
  return out;
}

}  // namespace zhuanlan
