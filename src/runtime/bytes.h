// bytes and bytearray.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "runtime/builtin_types.h"
#include "runtime/object.h"

namespace krait::runtime {

struct BytesObject : Object {
  int64_t size;
  int64_t hash;          // -1 until computed
  char data[];           // size bytes, then a NUL
};

struct ByteArrayObject : Object {
  char* data;            // malloc'd, size bytes + NUL (null when allocated == 0)
  int64_t size;
  int64_t allocated;
  int64_t exports;       // buffer exports (resizing is refused while > 0)
};

extern TypeObject bytes_iterator_type, bytearray_iterator_type;

bool is_bytes(Value v);          // bytes or a subclass
bool is_bytearray(Value v);      // bytearray or a subclass

Value bytes_from(std::string_view data);
Value bytes_new(size_t size);    // zeroed; fill bytes_mutable_data before sharing
Value bytes_empty();             // the singleton b''
inline BytesObject* as_bytes(Value v) { return static_cast<BytesObject*>(v.as_object()); }
inline size_t bytes_size(Value v) { return static_cast<size_t>(as_bytes(v)->size); }
inline const char* bytes_data(Value v) { return as_bytes(v)->data; }
inline char* bytes_mutable_data(Value v) { return as_bytes(v)->data; }
inline std::string_view bytes_view(Value v) { return {bytes_data(v), bytes_size(v)}; }
Value bytes_repr(Value v);
int64_t bytes_hash(Value v);

Value bytearray_from(std::string_view data);
inline ByteArrayObject* as_bytearray(Value v) { return static_cast<ByteArrayObject*>(v.as_object()); }
inline std::string_view bytearray_view(Value v) {
  return {as_bytearray(v)->data ? as_bytearray(v)->data : "", static_cast<size_t>(as_bytearray(v)->size)};
}

// The bytes of a bytes-like object (bytes, bytearray), or false with TypeError
// "a bytes-like object is required, not 'X'" set.
bool bytes_like_view(Value v, std::string_view* out);

// str.encode / bytes.decode with the codecs krait knows natively (utf-8, ascii, latin-1; errors
// strict, ignore, replace, backslashreplace, surrogateescape, surrogatepass, xmlcharrefreplace).
Value str_encode(Value str, std::string_view encoding, std::string_view errors);
Value bytes_decode(std::string_view data, std::string_view encoding, std::string_view errors);

}  // namespace krait::runtime
