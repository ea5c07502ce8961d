// bytes and bytearray.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
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
  char* data;            // the first byte: size bytes + NUL (null when allocated == 0)
  int64_t size;
  int64_t allocated;     // bytes malloc'd at `base`
  int64_t exports;       // buffer exports (resizing is refused while > 0)
  char* base;            // the allocation; data - base bytes were deleted from the front
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
// Resizes a bytearray with CPython's over-allocation (amortized O(1) appends); refuses with
// BufferError while a memoryview exports it. 0 or -1 + error.
int bytearray_resize(Value v, int64_t size);

// The bytes of a bytes-like object (bytes, bytearray, a C-contiguous memoryview), or false with
// TypeError "a bytes-like object is required, not 'X'" set (BufferError for a non-contiguous
// memoryview, ValueError for a released one). The view is valid while `v` is alive and unchanged.
bool bytes_like_view(Value v, std::string_view* out);
// True if `v` exposes a buffer (bytes, bytearray, memoryview): PyObject_CheckBuffer.
bool has_buffer(Value v);
// The bytes of any buffer, copied (non-contiguous memoryviews included): bytes(x) semantics.
// False + TypeError as bytes_like_view when `v` has no buffer.
bool buffer_to_string(Value v, std::string* out);
// The writable bytes of `v` (a bytearray or a writable memoryview of one, C-contiguous), or false
// with TypeError "... must be read-write bytes-like object, not X" naming `what`.
bool writable_buffer(Value v, const char* what, char** data, size_t* size);

// --- shared by bytes and bytearray (bytes_methods.cpp) ------------------------------------------
// The contents of a bytes or bytearray.
inline std::string_view byteseq_view(Value v) { return is_bytearray(v) ? bytearray_view(v) : bytes_view(v); }
// The methods both types have (find, split, strip, replace, hex, translate, ...): each builds
// its results with the type of `self` (bytes or bytearray).
extern const MethodDef byteseq_methods[];
// bytes.hex / bytearray.hex / memoryview.hex with the optional sep and bytes_per_sep arguments.
Value bytes_hex_method(std::string_view data, const Value* args, size_t nargs, Value kwnames);
// b'...' % args for bytes and bytearray (printf-style with %b, %a, %r as ascii()): a bytes.
Value bytes_percent_format(std::string_view format, Value args);
// The number.remainder slot of bytes and bytearray (NotImplemented when self is the right operand).
Value byteseq_remainder(Value self, Value args);
// The data bytes(source, encoding, errors) / bytearray(...) start with (null arguments absent):
// a str encoded, an int's count of zero bytes, a buffer's bytes, or an iterable of ints; the
// messages name `kind` ("bytes" or "bytearray") as CPython's do.
bool byteseq_init_data(const char* kind, Value source, Value encoding, Value errors, std::string* out);
// The byte values of an iterable of ints, appended to `out` (the last step of byteseq_init_data).
bool byteseq_from_iterable(const char* kind, Value source, std::string* out);
// The b'...' text of raw data (bytes' repr; bytearray's repr wraps it and, as CPython's, escapes
// every single quote even inside b"...").
std::string bytes_repr_text(std::string_view data, bool escape_single_quotes);
// Shared comparisons: the data of both operands as buffers (NotImplemented when either has none).
Value byteseq_richcompare(Value a, Value b, CompareOp op);
// A subscript's integer key (__index__): false + IndexError "cannot fit 'X' into an
// index-sized integer" when it is too big (PyNumber_AsSsize_t(key, IndexError)).
bool subscript_index(Value key, int64_t* out);
// self[key] for bytes and bytearray: an int item, or a slice of self's kind.
Value byteseq_subscript(Value self, Value key);
// iter(bytes) / iter(bytearray).
Value byteseq_iter(Value self);
// `item in self`: an int (a byte value) or a bytes-like needle.
int byteseq_contains(std::string_view data, Value item);

// str.encode / bytes.decode with the codecs krait knows natively (utf-8, ascii, latin-1; errors
// strict, ignore, replace, backslashreplace, surrogateescape, surrogatepass, xmlcharrefreplace).
Value str_encode(Value str, std::string_view encoding, std::string_view errors);
Value bytes_decode(std::string_view data, std::string_view encoding, std::string_view errors);

}  // namespace krait::runtime
