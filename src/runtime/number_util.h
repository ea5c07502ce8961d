// Small helpers shared by the numeric types' files (int, float, complex, range, slice).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>

#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::runtime {

inline Value new_ref(Value v) {
  incref(v);
  return v;
}
Value new_not_implemented();

// Matches positional and keyword arguments of a native method to `names` (CPython's argument
// clinic rules and messages). `positional_only` leading names cannot be given by keyword;
// only the first `max_positional` may be given by position (the rest are keyword-only);
// `required` leading names must be present. out[i] is borrowed, null when absent.
// Returns false with TypeError set.
bool parse_args(const char* function, const Value* args, size_t nargs, Value kwnames,
                std::initializer_list<const char*> names, size_t positional_only,
                size_t max_positional, size_t required, Value* out);
// TypeError "f() takes no keyword arguments" unless kwnames is null or empty.
bool no_keywords(const char* function, Value kwnames);

// The text of a str (Unicode decimal digits mapped to ASCII digits, Unicode white space to ' ',
// other non-ASCII characters to '?'), bytes or bytearray, for int()/float()/complex() parsing.
// False (no error set) when v is none of those.
bool numeric_text(Value v, std::string* out);
bool is_ascii_space(char c);

// repr(v) as UTF-8, truncated to `limit` code points when limit > 0 ("%.200R").
std::string repr_utf8(Value v, size_t limit = 0);
const char* type_name_of(Value v);

}  // namespace krait::runtime
