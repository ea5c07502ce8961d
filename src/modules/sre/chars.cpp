// The character predicates of the _sre engine: case mappings (ASCII, Unicode simple mappings;
// the locale variants use the C locale, i.e. ASCII) and the categories of \d \s \w.
#include "modules/sre/sre_internal.h"
#include "support/unicode_case.h"

namespace krait::modules::sre {

uint32_t lower_ascii(uint32_t ch) { return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch; }
uint32_t upper_ascii(uint32_t ch) { return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch; }

// CPython's "simple" mappings (_PyUnicode_ToLowercase/ToUppercase): the first code point of
// the full mapping (U+0130 lowers to 'i', U+00DF uppers to 'S').
uint32_t lower_unicode(uint32_t ch) {
  if (ch < 128) return lower_ascii(ch);
  char32_t out[3];
  return unicode::to_lower(ch, out) >= 1 ? out[0] : ch;
}

uint32_t upper_unicode(uint32_t ch) {
  if (ch < 128) return upper_ascii(ch);
  char32_t out[3];
  return unicode::to_upper(ch, out) >= 1 ? out[0] : ch;
}

bool is_word_ascii(uint32_t ch) {
  return ch < 128 && ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_');
}
bool is_word_unicode(uint32_t ch) { return ch < 128 ? is_word_ascii(ch) : unicode::is_alnum(ch); }

namespace {
bool is_space_ascii(uint32_t ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
bool is_digit_ascii(uint32_t ch) { return ch >= '0' && ch <= '9'; }
}  // namespace

bool in_category(uint32_t category, uint32_t ch) {
  switch (category) {
    case CAT_DIGIT: return is_digit_ascii(ch);
    case CAT_NOT_DIGIT: return !is_digit_ascii(ch);
    case CAT_SPACE: return is_space_ascii(ch);
    case CAT_NOT_SPACE: return !is_space_ascii(ch);
    case CAT_WORD: case CAT_LOC_WORD: return is_word_ascii(ch);
    case CAT_NOT_WORD: case CAT_LOC_NOT_WORD: return !is_word_ascii(ch);
    case CAT_LINEBREAK: return ch == '\n';
    case CAT_NOT_LINEBREAK: return ch != '\n';
    case CAT_UNI_DIGIT: return ch < 128 ? is_digit_ascii(ch) : unicode::is_decimal(ch);
    case CAT_UNI_NOT_DIGIT: return ch < 128 ? !is_digit_ascii(ch) : !unicode::is_decimal(ch);
    case CAT_UNI_SPACE: return unicode::is_space(ch);
    case CAT_UNI_NOT_SPACE: return !unicode::is_space(ch);
    case CAT_UNI_WORD: return is_word_unicode(ch);
    case CAT_UNI_NOT_WORD: return !is_word_unicode(ch);
    case CAT_UNI_LINEBREAK: return unicode::is_linebreak(ch);
    case CAT_UNI_NOT_LINEBREAK: return !unicode::is_linebreak(ch);
    default: return false;
  }
}

}  // namespace krait::modules::sre
