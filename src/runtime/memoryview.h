// memoryview: a view of another object's memory (bytes, bytearray) without copying, with
// CPython's shape/strides model (slices with steps are non-contiguous views) and casts to the
// native single-character struct formats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/object.h"
#include "runtime/type.h"

namespace krait::runtime {

extern TypeObject memoryview_type, memory_iterator_type;

struct MemoryViewObject : Object {
  Value obj;                     // the exporter (bytes, bytearray); kept until released
  char* buf = nullptr;           // the first item's memory
  int64_t itemsize = 1;
  int64_t nbytes = 0;            // product(shape) * itemsize
  std::string format;            // as given to cast ("B", "@H", ...); format_char is its type
  char format_char = 'B';
  bool readonly = true;
  bool released = false;
  int64_t hash = -1;             // cached (readonly views only)
  std::vector<int64_t> shape, strides;  // ndim = shape.size()
};

inline bool is_memoryview(Value v) {
  return v.is_object() && v.as_object()->type == &memoryview_type;
}
inline MemoryViewObject* as_memoryview(Value v) { return static_cast<MemoryViewObject*>(v.as_object()); }

// memoryview(object): new reference, or null + TypeError "memoryview: a bytes-like object is
// required, not 'X'".
Value memoryview_new(Value object);

// The bytes of a C-contiguous view (no copy), or false + ValueError (released) / BufferError
// "memoryview: underlying buffer is not C-contiguous".
bool memoryview_contiguous_view(Value v, std::string_view* out);
// The bytes of any view in C order (copied); false + ValueError when released.
bool memoryview_to_string(Value v, std::string* out);
// The writable memory of a C-contiguous view of a bytearray; false + TypeError when read-only.
bool memoryview_writable_view(Value v, char** data, size_t* size);

}  // namespace krait::runtime
