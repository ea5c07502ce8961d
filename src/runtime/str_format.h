// The grammar of str.format's format strings, shared by str.format (str_format.cpp) and the
// _string module (string.Formatter): a format string is read one chunk at a time (literal text,
// then maybe a replacement field) and a field name one part at a time, as CPython's
// MarkupIterator and FieldNameIterator do, with their error messages. Positions are code-point
// indexes into the str.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/object.h"

namespace krait::runtime {

struct FormatChunk {
  size_t literal_start = 0, literal_end = 0;  // literal text ("{{" and "}}" end a chunk with one brace)
  bool has_field = false;                      // a replacement field follows the literal text
  size_t name_start = 0, name_end = 0;         // the field name ("0", "x.y[2]", "" for auto-numbering)
  char32_t conversion = 0;                     // the character after '!' (not checked), 0 when none
  size_t spec_start = 0, spec_end = 0;         // the raw format spec (nested fields unexpanded)
};

// Reads the chunk of `format` (a str) at *pos and moves *pos past it: 1 with *chunk filled, 0 at
// the end of the string, -1 + ValueError ("Single '}' encountered in format string", ...).
int format_next_chunk(Value format, size_t* pos, FormatChunk* chunk);

// The end of a field name's first part (before the first '.' or '[').
size_t format_field_first_end(Value field);

// The value of field[start, end) as an index: -1 when it is empty or not all decimal digits
// (Unicode decimals count, as in CPython), -2 + ValueError "Too many decimal digits in format string".
int64_t format_field_integer(Value field, size_t start, size_t end);

// One ".attr" or "[key]" part after the first: name in [start, end), index its integer value
// (-1 when it is not one; always -1 for attributes).
struct FieldNamePart {
  bool is_attribute = false;
  size_t start = 0, end = 0;
  int64_t index = -1;
};
// Reads the part of `field` at *pos: 1 with *part filled, 0 at the end, -1 + ValueError
// ("Empty attribute in format string", "Missing ']' in format string", ...).
int format_field_next(Value field, size_t* pos, FieldNamePart* part);

}  // namespace krait::runtime
