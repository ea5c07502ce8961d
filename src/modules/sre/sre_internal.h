// Shared pieces of the _sre module (src/modules/sre/): the matching engine's state and entry
// points (engine.cpp), the character predicates (chars.cpp) and the Pattern, Match and
// SRE_Scanner types (pattern.cpp, match.cpp, scanner.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/builtin_types.h"
#include "runtime/number_util.h"
#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::modules::sre {

using namespace runtime;

// The opcodes of CPython 3.11's re._constants (MAGIC 20220615): the compiler's output.
enum Op : uint32_t {
  FAILURE, SUCCESS, ANY, ANY_ALL, ASSERT, ASSERT_NOT, AT, BRANCH, CATEGORY, CHARSET, BIGCHARSET,
  GROUPREF, GROUPREF_EXISTS, IN, INFO, JUMP, LITERAL, MARK, MAX_UNTIL, MIN_UNTIL, NOT_LITERAL,
  NEGATE, RANGE, REPEAT, REPEAT_ONE, SUBPATTERN, MIN_REPEAT_ONE, ATOMIC_GROUP, POSSESSIVE_REPEAT,
  POSSESSIVE_REPEAT_ONE, GROUPREF_IGNORE, IN_IGNORE, LITERAL_IGNORE, NOT_LITERAL_IGNORE,
  GROUPREF_LOC_IGNORE, IN_LOC_IGNORE, LITERAL_LOC_IGNORE, NOT_LITERAL_LOC_IGNORE,
  GROUPREF_UNI_IGNORE, IN_UNI_IGNORE, LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE, RANGE_UNI_IGNORE,
  OP_COUNT
};
enum AtCode : uint32_t {
  AT_BEGINNING, AT_BEGINNING_LINE, AT_BEGINNING_STRING, AT_BOUNDARY, AT_NON_BOUNDARY, AT_END,
  AT_END_LINE, AT_END_STRING, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY, AT_UNI_BOUNDARY,
  AT_UNI_NON_BOUNDARY
};
enum Category : uint32_t {
  CAT_DIGIT, CAT_NOT_DIGIT, CAT_SPACE, CAT_NOT_SPACE, CAT_WORD, CAT_NOT_WORD, CAT_LINEBREAK,
  CAT_NOT_LINEBREAK, CAT_LOC_WORD, CAT_LOC_NOT_WORD, CAT_UNI_DIGIT, CAT_UNI_NOT_DIGIT,
  CAT_UNI_SPACE, CAT_UNI_NOT_SPACE, CAT_UNI_WORD, CAT_UNI_NOT_WORD, CAT_UNI_LINEBREAK,
  CAT_UNI_NOT_LINEBREAK
};

constexpr uint32_t kMagic = 20220615;
constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;
constexpr int64_t kMaxGroups = 0x7FFFFFFF / 2;
constexpr uint32_t kFlagIgnoreCase = 2, kFlagLocale = 4, kFlagMultiline = 8, kFlagUnicode = 32;

// --- characters (chars.cpp) ---
uint32_t lower_ascii(uint32_t ch);
uint32_t lower_unicode(uint32_t ch);  // simple lowercase mapping
uint32_t upper_unicode(uint32_t ch);  // simple uppercase mapping
uint32_t upper_ascii(uint32_t ch);
bool is_word_ascii(uint32_t ch);
bool is_word_unicode(uint32_t ch);
bool in_category(uint32_t category, uint32_t ch);

// The subject string of a match: a str's code units (width 1, 2 or 4) or a buffer's bytes.
struct Subject {
  const void* data = nullptr;
  int width = 1;
  int64_t length = 0;
};

// One search or match over a subject: the engine's input and result.
struct MatchState {
  const uint32_t* code = nullptr;
  size_t code_size = 0;
  Subject subject;
  int64_t start = 0;   // where this attempt starts (the match's start when it succeeds)
  int64_t end = 0;     // endpos: the string is as if this long
  int64_t ptr = 0;     // where the match ended
  bool match_all = false;     // fullmatch: must end at `end`
  bool must_advance = false;  // an empty match at `start` is refused (after an empty match)
  std::vector<int64_t> marks;  // group boundaries, -1 when unset
  int lastmark = -1;
  int lastindex = -1;
};

// 1 match (state.start/ptr/marks describe it), 0 none, -1 + error.
int engine_match(MatchState& state);
int engine_search(MatchState& state);

// --- the types (pattern.cpp, match.cpp, scanner.cpp) ---
struct PatternObject : Object {
  Value pattern;      // the source str/bytes, or None
  int64_t flags;
  std::vector<uint32_t>* code;
  int64_t groups;
  Value groupindex;   // dict name -> index
  Value indexgroup;   // tuple index -> name or None
  bool is_bytes;      // pattern of bytes (None pattern: either)
  Value weakreflist;
};
struct MatchObject : Object {
  Value string;
  Value pattern;      // the PatternObject
  int64_t pos, endpos;
  int64_t lastindex;  // -1: None
  std::vector<int64_t>* spans;  // 2 per group (group 0 first), -1 when unset
  Value regs;         // cached tuple
};

extern TypeObject pattern_type, match_type, scanner_type;

int init_pattern_type();
int init_match_type();
int init_scanner_type();

// Checks `string` against the pattern's kind and fills a state over it (pos/endpos clamped).
// False + TypeError.
bool state_init(PatternObject* pattern, Value string, int64_t pos, int64_t endpos, MatchState* state,
                Ref* keep);
// A Match object for a successful state (new reference).
Value match_new(PatternObject* pattern, Value string, const MatchState& state, int64_t pos, int64_t endpos);
// The piece [start, end) of the subject, with the subject's type (str, bytes, or a slice).
Value subject_slice(Value string, int64_t start, int64_t end);
// pos/endpos arguments: clamps to [0, length].
Value scanner_new(PatternObject* pattern, Value string, int64_t pos, int64_t endpos);

}  // namespace krait::modules::sre
