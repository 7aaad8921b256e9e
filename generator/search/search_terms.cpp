#include "search/search_terms.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace zhuanlan {

namespace {

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

}  // namespace

SearchCharClass search_char_class(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return SearchCharClass::cjk;  // most of the text
  // Punctuation of Chinese text, without asking ICU.
  if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020)) {
    return SearchCharClass::other;
  }
  if (is_cjk_code_point(c)) return SearchCharClass::cjk;
  return is_word_code_point(c) ? SearchCharClass::word : SearchCharClass::other;
}

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

namespace {

// Characters that NFKC_Casefold keeps, or turns into another separator:
// text made only of these gives the same terms without being normalised
// (most Chinese text is: ideographs, digits, lower-case letters and the
// full-width punctuation that NFKC turns into ASCII punctuation).
bool terms_unchanged_by_normalizing(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      if (lead >= 'A' && lead <= 'Z') return false;
      ++i;
      continue;
    }
    if (lead >= 0xE4 && lead <= 0xE9) {  // U+4000–U+9FFF, which NFKC keeps
      i += 3;
      continue;
    }
    const char32_t c = next_code_point(text, i);
    if (c >= 0x3001 && c <= 0x3003) continue;                       // 、。〃
    if (c >= 0x3008 && c <= 0x3011) continue;                       // 〈〉《》「」『』【】
    if (c >= 0x2010 && c <= 0x2027 && c != 0x2017) continue;  // dashes, quotes, …; ‗ gains a combining mark
    if (c == 0xFF01 || c == 0xFF08 || c == 0xFF09 || c == 0xFF0C || c == 0xFF1A || c == 0xFF1B || c == 0xFF1F) continue;
    if (c == 0x00B7 || c == 0x3000) continue;                       // · and the ideographic space
    return false;
  }
  return true;
}

}  // namespace

std::string_view terms_text(std::string_view text, std::string& buffer) {
  if (terms_unchanged_by_normalizing(text)) return text;
  buffer = normalize_for_search(text);
  return buffer;
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
  struct Visitor {
    const std::function<void(std::string_view)>& emit;
    std::string buffer;
    void bigram(char32_t, char32_t, std::string_view bytes) { emit(bytes); }
    void word(std::string_view bytes) { emit(bytes); }
    void edge(char32_t, bool at_end, std::string_view bytes) {
      buffer.assign(at_end ? "" : "<").append(bytes).append(at_end ? ">" : "");
      emit(buffer);
    }
  } visitor{emit, {}};
  scan_search_terms(text, visitor);
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
