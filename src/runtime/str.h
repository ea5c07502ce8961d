// str: immutable sequences of code points stored as PEP 393 does (1, 2 or 4 bytes per code point,
// chosen by the widest character), so indexing is O(1); the hash is cached; identifiers are
// interned. krait's UTF-8 at the C++ boundary is "generalized": lone surrogates (U+D800..U+DFFF)
// are 3-byte sequences, so every Python str round-trips through std::string.
//
// Conventions (object.h): returned Values are new references unless marked "borrowed";
// arguments are borrowed; a null Value / -1 means an exception is set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

struct StrObject : Object {
  int64_t length;       // code points
  int64_t hash;         // -1 until computed
  uint8_t kind;         // bytes per code point: 1 (latin-1), 2 (UCS-2) or 4 (UCS-4)
  bool ascii;           // every code point < 128: data is also the UTF-8 form
  char* utf8;           // cached UTF-8 of a non-ASCII str (malloc'd), or null
  int64_t utf8_size;
  alignas(4) unsigned char data[];  // length * kind bytes, then one zero code point
};

// The str_iterator type (iter(str)).
extern TypeObject str_iterator_type;

// --- type checks ---------------------------------------------------------------------------
inline bool is_str(Value v) {  // str or a subclass (inline: asked on every attribute name)
  return v.is_object() && (v.as_object()->type->flags & TypeFlag::StrSubclass);
}
inline bool is_str_exact(Value v) { return v.is_object() && v.as_object()->type == &str_type; }

// --- construction --------------------------------------------------------------------------
// From krait's generalized UTF-8 (invalid bytes become U+FFFD).
Value str_from_utf8(std::string_view utf8);
Value str_from_ascii(std::string_view ascii);          // precondition: all bytes < 128
Value str_from_latin1(std::string_view bytes);         // each byte is a code point
Value str_from_codepoints(const char32_t* cps, size_t n);
Value str_from_u32(std::u32string_view cps);
Value str_from_char(char32_t cp);                      // cached for cp < 256, as CPython
Value str_empty();                                     // the empty-str singleton
// printf-style, as raise_format: "%s" takes a const char* (UTF-8).
Value str_from_format(const char* format, ...) __attribute__((format(printf, 1, 2)));
// A new str of `length` code points, storage wide enough for `maxchar`, content zeroed: the
// caller writes the code points with str_write before anyone else sees it.
Value str_new(size_t length, char32_t maxchar);

// --- interning -----------------------------------------------------------------------------
// The interned str with this text (created on first use). New reference.
Value str_intern(std::string_view utf8);
// Interns `str`: CONSUMES the reference to `str` and returns a new reference to the interned
// equal string (which may be `str` itself). Subclass instances are returned unchanged.
Value intern(Value str);
bool str_is_interned(Value str);

// --- access --------------------------------------------------------------------------------
inline StrObject* as_str(Value v) { return static_cast<StrObject*>(v.as_object()); }
inline size_t str_length(Value v) { return static_cast<size_t>(as_str(v)->length); }
inline int str_kind(Value v) { return as_str(v)->kind; }
inline const void* str_data(Value v) { return as_str(v)->data; }
inline bool str_is_ascii(Value v) { return as_str(v)->ascii; }
inline char32_t str_char(Value v, size_t i) {
  const StrObject* s = as_str(v);
  switch (s->kind) {
    case 1: return s->data[i];
    case 2: return reinterpret_cast<const uint16_t*>(s->data)[i];
    default: return reinterpret_cast<const uint32_t*>(s->data)[i];
  }
}
// Writes code point i of a str from str_new (only before it is shared).
void str_write(Value v, size_t i, char32_t cp);
// The UTF-8 text, cached in the object (valid while the str lives). NUL-terminated.
std::string_view str_utf8(Value v);
const char* str_cstr(Value v);
std::string str_to_utf8(Value v);
std::u32string str_to_u32(Value v);

// --- operations ----------------------------------------------------------------------------
bool str_equal(Value a, Value b);                    // both str: same code points
bool str_equal_ascii(Value a, std::string_view ascii);  // str equals an ASCII C++ string
int str_compare(Value a, Value b);                   // <0, 0, >0 by code points
int64_t str_hash(Value v);                           // cached; never fails
Value str_concat(Value a, Value b);                  // both str
Value str_substring(Value v, size_t start, size_t end);
Value str_join(Value separator, Value iterable);     // separator.join(iterable)
Value str_repr(Value v);                             // repr(str) as CPython
std::string str_repr_utf8(Value v);
// str.format(*args, **kwargs) with the calling convention of type.h's CallFunc.
Value str_format_method(Value format, const Value* args, size_t nargs, Value kwnames);
Value str_format_map_method(Value format, Value mapping);  // str.format_map
// format % args (str.__mod__).
Value str_percent_format(Value format, Value args);
// __format__ of a str with a format spec (fill/align/width/precision, type 's').
Value str_format_spec(Value v, Value spec);
int64_t str_find_char(Value v, char32_t cp, size_t start, size_t end);  // -1 if absent

}  // namespace krait::runtime
