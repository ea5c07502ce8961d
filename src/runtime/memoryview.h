// memoryview: a view of another object's memory (bytes, bytearray) without copying, with
// CPython's shape/strides model (slices with steps are non-contiguous views) and casts to the
// native single-character struct formats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::runtime {

extern TypeObject memoryview_type, memory_iterator_type;

// A native object other than bytes/bytearray that lends its memory to views (BytesIO's
// getbuffer): told of each view made of it and of each one released, so that it can refuse to
// move or resize that memory meanwhile.
struct BufferExporter {
  void (*add_export)(Value owner);
  void (*remove_export)(Value owner);
};

struct MemoryViewObject : Object {
  Value obj;                     // the exporter (bytes, bytearray); dropped when released
  const BufferExporter* exporter;  // null for bytes and bytearray
  char* buf;                     // the first item's memory
  int64_t itemsize;
  int64_t nbytes;                // product(shape) * itemsize
  int64_t hash;                  // -1 until computed (readonly views only)
  int64_t ndim;
  char format[3];                // as given to cast: "B" or "@B" (NUL-terminated)
  char format_char;              // the struct format character
  bool readonly;
  bool released;
  Value weaklist;                // weak references to the view
  int64_t dims[];                // shape[0..ndim), then strides[0..ndim): one allocation a view

  int64_t* shape() { return dims; }
  int64_t* strides() { return dims + ndim; }
  const int64_t* shape() const { return dims; }
  const int64_t* strides() const { return dims + ndim; }
};

inline bool is_memoryview(Value v) {
  return v.is_object() && v.as_object()->type == &memoryview_type;
}
inline MemoryViewObject* as_memoryview(Value v) { return static_cast<MemoryViewObject*>(v.as_object()); }

// memoryview(object): new reference, or null + TypeError "memoryview: a bytes-like object is
// required, not 'X'".
Value memoryview_new(Value object);

// A writable one-dimensional view of bytes `data[0..size)` that `owner` lends (kept alive by
// the view; `exporter` is told of the view and of its release). New reference or null + error.
Value memoryview_from_exporter(Value owner, char* data, int64_t size, const BufferExporter* exporter);

// The bytes of a C-contiguous view (no copy), or false + ValueError (released) / BufferError
// "memoryview: underlying buffer is not C-contiguous".
bool memoryview_contiguous_view(Value v, std::string_view* out);
// The bytes of any view in C order (copied); false + ValueError when released.
bool memoryview_to_string(Value v, std::string* out);
// The writable memory of a C-contiguous view of a bytearray; false + TypeError when read-only.
bool memoryview_writable_view(Value v, char** data, size_t* size);

}  // namespace krait::runtime
