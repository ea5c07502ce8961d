// Lookups in the generated case tables.
#include "support/unicode_case.h"

#include <cstddef>

namespace krait::unicode {
namespace {

struct CaseMap {
  int32_t value;     // delta from the code point, or index into kCaseExtended
  int32_t length;    // 0: delta; else the mapping's length in kCaseExtended
};
struct CaseRecord {
  uint16_t flags;
  int8_t decimal;
  int8_t digit;
  CaseMap maps[4];   // upper, lower, title, casefold
};

#include "support/unicode_case.inc"

inline const CaseRecord& record(char32_t cp) {
  if (cp >= 0x110000) return kCaseRecords[0];
  uint32_t block = kCaseIndex1[cp >> kCaseShift];
  return kCaseRecords[kCaseIndex2[(block << kCaseShift) | (cp & ((1u << kCaseShift) - 1))]];
}
inline bool has(char32_t cp, uint16_t flag) { return (record(cp).flags & flag) != 0; }

int map(char32_t cp, int which, char32_t* out) {
  const CaseMap& m = record(cp).maps[which];
  if (m.length == 0) {
    out[0] = static_cast<char32_t>(static_cast<int32_t>(cp) + m.value);
    return 1;
  }
  for (int i = 0; i < m.length; ++i) out[i] = kCaseExtended[m.value + i];
  return m.length;
}

}  // namespace

bool is_alpha(char32_t cp) { return has(cp, kAlpha); }
bool is_decimal(char32_t cp) { return has(cp, kDecimal); }
bool is_digit(char32_t cp) { return has(cp, kDigit); }
bool is_numeric(char32_t cp) { return has(cp, kNumeric); }
bool is_space(char32_t cp) { return has(cp, kSpace); }
bool is_lower(char32_t cp) { return has(cp, kLower); }
bool is_upper(char32_t cp) { return has(cp, kUpper); }
bool is_title(char32_t cp) { return has(cp, kTitle); }
bool is_cased(char32_t cp) { return has(cp, kCased); }
bool is_case_ignorable(char32_t cp) { return has(cp, kCaseIgnorable); }
bool is_linebreak(char32_t cp) { return has(cp, kLinebreak); }
int decimal_value(char32_t cp) { return record(cp).decimal; }
int digit_value(char32_t cp) { return record(cp).digit; }
int to_upper(char32_t cp, char32_t* out) { return map(cp, 0, out); }
int to_lower(char32_t cp, char32_t* out) { return map(cp, 1, out); }
int to_title(char32_t cp, char32_t* out) { return map(cp, 2, out); }
int to_casefold(char32_t cp, char32_t* out) { return map(cp, 3, out); }

}  // namespace krait::unicode
