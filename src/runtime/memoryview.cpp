// memoryview over bytes and bytearray. A view records where its first item is, its shape and
// strides (bytes between items of each dimension), so slicing (with steps) makes a new view
// over the same memory without copying. Each view of a bytearray counts as one export of it:
// the bytearray refuses to resize until every view is released (BufferError), which keeps `buf`
// valid. Items are packed/unpacked in the native (little-endian, LP64) layout.
#include "runtime/memoryview.h"

#include <cinttypes>
#include <cstddef>
#include <algorithm>
#include <cstring>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/hash.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

TypeObject memoryview_type, memory_iterator_type;

namespace {

using coll::type_name;

Value new_ref(Value v) {
  incref(v);
  return v;
}

char g_empty_memory[1];

// --- formats -----------------------------------------------------------------------------------

// The size of a native single-character struct format, 0 when krait's memoryview has no such
// format.
int64_t format_itemsize(char f) {
  switch (f) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
  }
}
bool is_byte_format(char f) { return f == 'B' || f == 'b' || f == 'c'; }

// "X" or "@X" with X a native format: its character, else 0.
char native_format_char(std::string_view format) {
  if (format.size() == 2 && format[0] == '@') format.remove_prefix(1);
  if (format.size() != 1 || format_itemsize(format[0]) == 0) return 0;
  return format[0];
}

template <typename T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <typename T>
void store(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

Value unpack(char f, const char* p) {
  switch (f) {
    case 'c': return bytes_from(std::string_view(p, 1));
    case 'b': return int_from_int64(load<int8_t>(p));
    case 'B': return int_from_int64(load<uint8_t>(p));
    case '?': return new_ref(bool_value(load<uint8_t>(p) != 0));
    case 'h': return int_from_int64(load<int16_t>(p));
    case 'H': return int_from_int64(load<uint16_t>(p));
    case 'i': return int_from_int64(load<int32_t>(p));
    case 'I': return int_from_int64(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return int_from_int64(load<int64_t>(p));
    case 'L': case 'Q': case 'N': case 'P': return int_from_uint64(load<uint64_t>(p));
    case 'f': return float_from_double(load<float>(p));
    default: return float_from_double(load<double>(p));
  }
}

Value invalid_type(char f) { return raise_format(exc::TypeError, "memoryview: invalid type for format '%c'", f); }
Value invalid_value(char f) { return raise_format(exc::ValueError, "memoryview: invalid value for format '%c'", f); }

// Stores `value` as one item of format `f` at p: 0, or -1 with CPython's errors.
int pack(char f, Value value, char* p) {
  if (f == 'c') {
    if (!is_bytes(value)) return invalid_type(f), -1;
    if (bytes_size(value) != 1) return invalid_value(f), -1;
    *p = bytes_data(value)[0];
    return 0;
  }
  if (f == '?') {
    int truth = is_true(value);
    if (truth < 0) return -1;
    store<uint8_t>(p, static_cast<uint8_t>(truth));
    return 0;
  }
  if (f == 'f' || f == 'd') {
    double d;
    if (!as_double(value, &d)) {
      if (error_matches(exc::TypeError)) {
        clear_error();
        invalid_type(f);
      }
      return -1;
    }
    if (f == 'f') store<float>(p, static_cast<float>(d));
    else store<double>(p, d);
    return 0;
  }
  if (!is_int(value) && type_of(value)->number.index == nullptr) return invalid_type(f), -1;
  Ref index = Ref::steal(number_index(value));
  if (!index) return -1;
  mpz_class z = int_to_mpz(index.get());
  bool is_unsigned = f == 'B' || f == 'H' || f == 'I' || f == 'L' || f == 'Q' || f == 'N' || f == 'P';
  int bits = static_cast<int>(format_itemsize(f) * 8);
  mpz_class low = is_unsigned ? mpz_class(0) : -(mpz_class(1) << (bits - 1));
  mpz_class high = is_unsigned ? (mpz_class(1) << bits) - 1 : (mpz_class(1) << (bits - 1)) - 1;
  if (z < low || z > high) return invalid_value(f), -1;
  // Two's complement of the value in `bits` bits, little-endian.
  mpz_class u = z < 0 ? z + (mpz_class(1) << bits) : z;
  for (int i = 0; i < bits / 8; ++i) {
    mpz_class byte = u & 0xFF;
    p[i] = static_cast<char>(byte.get_ui());
    u >>= 8;
  }
  return 0;
}

// --- views -------------------------------------------------------------------------------------

void add_export(MemoryViewObject* v) {
  if (v->exporter) v->exporter->add_export(v->obj);
  else if (is_bytearray(v->obj)) ++as_bytearray(v->obj)->exports;
}
void remove_export(MemoryViewObject* v) {
  if (v->exporter) v->exporter->remove_export(v->obj);
  else if (is_bytearray(v->obj)) --as_bytearray(v->obj)->exports;
}

// A view with room for `ndim` dimensions, not yet registered with an exporter.
MemoryViewObject* alloc_view(int64_t ndim) {
  size_t size = sizeof(MemoryViewObject) + 2 * static_cast<size_t>(ndim) * sizeof(int64_t);
  MemoryViewObject* v = static_cast<MemoryViewObject*>(allocate_object(&memoryview_type, size));
  if (v == nullptr) return nullptr;
  v->ndim = ndim;
  v->hash = -1;
  gc_track(v);  // its fields are all valid (zero) from here on
  return v;
}

// A new view of the same memory as `src` with `ndim` dimensions (src's shape and strides copied
// when the counts agree), registered as an export.
MemoryViewObject* copy_view(MemoryViewObject* src, int64_t ndim) {
  MemoryViewObject* v = alloc_view(ndim);
  if (v == nullptr) return nullptr;
  v->obj = new_ref(src->obj);
  v->exporter = src->exporter;
  add_export(v);
  v->buf = src->buf;
  v->itemsize = src->itemsize;
  v->nbytes = src->nbytes;
  std::memcpy(v->format, src->format, sizeof v->format);
  v->format_char = src->format_char;
  v->readonly = src->readonly;
  if (ndim == src->ndim) std::memcpy(v->dims, src->dims, 2 * static_cast<size_t>(ndim) * sizeof(int64_t));
  return v;
}
MemoryViewObject* copy_view(MemoryViewObject* src) { return copy_view(src, src->ndim); }

bool same_shape(const MemoryViewObject* a, const MemoryViewObject* b) {
  return a->ndim == b->ndim && std::equal(a->shape(), a->shape() + a->ndim, b->shape());
}

bool released_error(MemoryViewObject* v) {
  if (!v->released) return false;
  raise(exc::ValueError, "operation forbidden on released memoryview object");
  return true;
}
#define CHECK_RELEASED(v, fail)   \
  do {                            \
    if (released_error(v)) return fail; \
  } while (0)

MemoryViewObject* view_of(Value v) { return as_memoryview(v); }

// CPython's memoryview flags: a 0-dim view is contiguous; a 1-dim view when it has one item or
// its stride is the item size (even when empty); otherwise PyBuffer_IsContiguous, where
// dimensions of length 1 do not count and an empty view is contiguous.
bool is_contiguous_in(const MemoryViewObject* v, bool fortran) {
  size_t ndim = static_cast<size_t>(v->ndim);
  if (ndim == 0) return true;
  if (ndim == 1) return v->shape()[0] == 1 || v->strides()[0] == v->itemsize;
  if (v->nbytes == 0) return true;
  int64_t expected = v->itemsize;
  for (size_t k = 0; k < ndim; ++k) {
    size_t i = fortran ? k : ndim - 1 - k;
    if (v->shape()[i] > 1 && v->strides()[i] != expected) return false;
    expected *= v->shape()[i];
  }
  return true;
}
bool is_c_contiguous(const MemoryViewObject* v) { return is_contiguous_in(v, false); }
bool is_f_contiguous(const MemoryViewObject* v) { return is_contiguous_in(v, true); }

// Calls f(pointer) for every item in C order (last index fastest) or Fortran order.
template <typename F>
void for_each_item(const MemoryViewObject* v, bool fortran, F f) {
  size_t ndim = static_cast<size_t>(v->ndim);
  if (v->nbytes == 0 && ndim > 0) return;
  std::vector<int64_t> index(ndim, 0);
  while (true) {
    const char* p = v->buf;
    for (size_t d = 0; d < ndim; ++d) p += index[d] * v->strides()[d];
    f(p);
    size_t k = 0;
    for (; k < ndim; ++k) {
      size_t d = fortran ? k : ndim - 1 - k;
      if (++index[d] < v->shape()[d]) break;
      index[d] = 0;
    }
    if (k == ndim) return;
  }
}

void gather(const MemoryViewObject* v, bool fortran, std::string* out) {
  out->clear();
  out->reserve(static_cast<size_t>(v->nbytes));
  if (is_c_contiguous(v) && (!fortran || v->ndim <= 1)) {
    out->assign(v->buf, static_cast<size_t>(v->nbytes));
    return;
  }
  for_each_item(v, fortran, [&](const char* p) { out->append(p, static_cast<size_t>(v->itemsize)); });
}

// The item at a 1-D index (negative from the end): its pointer, or null + IndexError.
char* item_pointer(MemoryViewObject* v, size_t dim, int64_t index) {
  int64_t n = v->shape()[dim];
  if (index < 0) index += n;
  if (index < 0 || index >= n) {
    raise_format(exc::IndexError, "index out of bounds on dimension %zu", dim + 1);
    return nullptr;
  }
  return v->buf + index * v->strides()[dim];
}

bool is_index_like(Value key) { return is_int(key) || type_of(key)->number.index != nullptr; }

// A tuple of indexes (every item an int): CPython's is_multiindex.
bool is_multi_index(Value key) {
  if (!is_tuple(key)) return false;
  for (size_t i = 0; i < tuple_size(key); ++i) {
    if (!is_index_like(tuple_get(key, i))) return false;
  }
  return true;
}
bool is_multi_slice(Value key) {
  if (!is_tuple(key)) return false;
  for (size_t i = 0; i < tuple_size(key); ++i) {
    if (!is_slice(tuple_get(key, i))) return false;
  }
  return true;
}

// The item a full tuple of indexes names (null + error: sub-views, too many indexes, bounds).
char* multi_item_pointer(MemoryViewObject* v, Value key) {
  size_t n = tuple_size(key), ndim = static_cast<size_t>(v->ndim);
  if (n < ndim) {
    raise(exc::NotImplementedError, "sub-views are not implemented");
    return nullptr;
  }
  if (n > ndim) {
    raise_format(exc::TypeError, "cannot index %zu-dimension view with %zu-element tuple", ndim, n);
    return nullptr;
  }
  char* p = v->buf;
  for (size_t d = 0; d < ndim; ++d) {
    int64_t index;
    if (!subscript_index(tuple_get(key, d), &index)) return nullptr;
    int64_t len = v->shape()[d];
    if (index < 0) index += len;
    if (index < 0 || index >= len) {
      raise_format(exc::IndexError, "index out of bounds on dimension %zu", d + 1);
      return nullptr;
    }
    p += index * v->strides()[d];
  }
  return p;
}

// A view of `v` sliced along its first dimension.
Value slice_view(MemoryViewObject* v, Value key) {
  int64_t start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return Value();
  int64_t n = slice_adjust_indices(v->shape()[0], &start, &stop, step);
  MemoryViewObject* s = copy_view(v);
  if (s == nullptr) return Value();
  s->buf = v->buf + start * v->strides()[0];
  s->shape()[0] = n;
  s->strides()[0] = v->strides()[0] * step;
  s->nbytes = v->itemsize;
  for (int64_t d = 0; d < s->ndim; ++d) s->nbytes *= s->shape()[d];
  return Value::object(s);
}

// --- slots -------------------------------------------------------------------------------------

void release_view(MemoryViewObject* v) {
  if (v->released) return;
  v->released = true;
  remove_export(v);
  Value obj = v->obj;
  v->obj = Value();
  xdecref(obj);
}

// The collector sees the exporter (a bytearray subclass instance may hold a view of itself).
void memoryview_traverse(Object* self, VisitFunc visit, void* context) {
  Value obj = static_cast<MemoryViewObject*>(self)->obj;
  if (obj.is_object()) visit(obj, context);
}
void memoryview_clear(Object* self) { release_view(static_cast<MemoryViewObject*>(self)); }

void memoryview_dealloc(Object* self) {
  MemoryViewObject* v = static_cast<MemoryViewObject*>(self);
  release_view(v);
  free_object(self);
}

Value memoryview_repr(Value self) {
  char text[64];
  snprintf(text, sizeof text, "<%smemory at 0x%" PRIxPTR ">", view_of(self)->released ? "released " : "",
           reinterpret_cast<uintptr_t>(self.as_object()));
  return str_from_ascii(text);
}

int64_t memoryview_length(Value self) {
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, -1);
  return v->ndim == 0 ? 1 : v->shape()[0];
}

Value memoryview_subscript(Value self, Value key) {
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, Value());
  if (v->ndim == 0) {
    if (is_tuple(key) && tuple_size(key) == 0) return unpack(v->format_char, v->buf);
    if (key.is(ellipsis())) return new_ref(self);
    return raise(exc::TypeError, "invalid indexing of 0-dim memory");
  }
  if (is_index_like(key)) {
    int64_t index;
    if (!subscript_index(key, &index)) return Value();
    if (v->ndim > 1) return raise(exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
    char* p = item_pointer(v, 0, index);
    return p == nullptr ? Value() : unpack(v->format_char, p);
  }
  if (is_slice(key)) return slice_view(v, key);
  if (is_multi_index(key)) {
    char* p = multi_item_pointer(v, key);
    return p == nullptr ? Value() : unpack(v->format_char, p);
  }
  if (is_multi_slice(key)) return raise(exc::NotImplementedError, "multi-dimensional slicing is not implemented");
  return raise(exc::TypeError, "memoryview: invalid slice key");
}

// m[a:b:c] = buffer: the source must have the same format and shape as the slice.
int assign_slice(MemoryViewObject* v, Value key, Value value) {
  Ref dest = Ref::steal(slice_view(v, key));
  if (!dest) return -1;
  MemoryViewObject* d = view_of(dest.get());
  Ref source;
  if (is_memoryview(value)) {
    source = Ref::borrow(value);
  } else {
    if (!has_buffer(value)) {
      raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(value));
      return -1;
    }
    source = Ref::steal(memoryview_new(value));
    if (!source) return -1;
  }
  MemoryViewObject* s = view_of(source.get());
  if (released_error(s)) return -1;
  if (std::strcmp(s->format, d->format) != 0 || s->itemsize != d->itemsize || !same_shape(s, d)) {
    raise(exc::ValueError, "memoryview assignment: lvalue and rvalue have different structures");
    return -1;
  }
  std::string items;  // copied first: source and destination may overlap
  gather(s, false, &items);
  size_t k = 0;
  for_each_item(d, false, [&](const char* p) {
    std::memcpy(const_cast<char*>(p), items.data() + k, static_cast<size_t>(d->itemsize));
    k += static_cast<size_t>(d->itemsize);
  });
  return 0;
}

int memoryview_ass_subscript(Value self, Value key, Value value) {
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, -1);
  if (v->readonly) {
    raise(exc::TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (value.is_null()) {
    raise(exc::TypeError, "cannot delete memory");
    return -1;
  }
  if (v->ndim == 0) {
    if (key.is(ellipsis()) || (is_tuple(key) && tuple_size(key) == 0)) return pack(v->format_char, value, v->buf);
    raise(exc::TypeError, "invalid indexing of 0-dim memory");
    return -1;
  }
  if (is_index_like(key)) {
    int64_t index;
    if (!subscript_index(key, &index)) return -1;
    if (v->ndim > 1) {
      raise(exc::NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    char* p = item_pointer(v, 0, index);
    return p == nullptr ? -1 : pack(v->format_char, value, p);
  }
  if (is_slice(key) && v->ndim == 1) return assign_slice(v, key, value);
  if (is_multi_index(key)) {
    char* p = multi_item_pointer(v, key);
    return p == nullptr ? -1 : pack(v->format_char, value, p);
  }
  if (is_slice(key) || is_multi_slice(key)) {
    raise(exc::NotImplementedError, "memoryview slice assignments are currently restricted to ndim = 1");
    return -1;
  }
  raise(exc::TypeError, "memoryview: invalid slice key");
  return -1;
}

// == and != only: same shape and equal items after unpacking (so 'B' and 'c' views differ).
Value memoryview_richcompare(Value a, Value b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_memoryview(a) || !has_buffer(b)) {
    return new_ref(not_implemented());
  }
  MemoryViewObject* v = view_of(a);
  bool equal;
  Ref other;
  if (is_memoryview(b)) {
    other = Ref::borrow(b);
  } else if (!v->released) {
    other = Ref::steal(memoryview_new(b));
    if (!other) return Value();
  }
  if (v->released || view_of(other.get())->released) {
    equal = a.is(b);
  } else {
    MemoryViewObject* w = view_of(other.get());
    equal = same_shape(v, w);
    if (equal && v->format_char == w->format_char && v->format_char != 'f' && v->format_char != 'd') {
      std::string x, y;
      gather(v, false, &x);
      gather(w, false, &y);
      equal = x == y;
    } else if (equal) {
      std::vector<const char*> left, right;
      for_each_item(v, false, [&](const char* p) { left.push_back(p); });
      for_each_item(w, false, [&](const char* p) { right.push_back(p); });
      for (size_t i = 0; i < left.size() && equal; ++i) {
        Ref x = Ref::steal(unpack(v->format_char, left[i]));
        Ref y = Ref::steal(unpack(w->format_char, right[i]));
        if (!x || !y) return Value();
        Ref r = Ref::steal(rich_compare(x.get(), y.get(), CompareOp::Eq));
        if (!r) return Value();
        int truth = is_true(r.get());
        if (truth < 0) return Value();
        equal = truth == 1;
      }
    }
  }
  return new_ref(bool_value(op == CompareOp::Eq ? equal : !equal));
}

int64_t memoryview_hash(Value self) {
  MemoryViewObject* v = view_of(self);
  if (v->hash != -1) return v->hash;
  CHECK_RELEASED(v, -1);
  if (!v->readonly) {
    raise(exc::ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  if (!is_byte_format(v->format_char)) {
    raise(exc::ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  std::string data;
  gather(v, false, &data);
  v->hash = hash_bytes(data.data(), data.size());
  return v->hash;
}

Value memoryview_new_slot(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"object"};
  Value a[1];
  if (!coll::parse_args("memoryview", args, nargs, kwnames, kParams, 1, 0, 1, a)) return Value();
  if (a[0].is_null()) return raise(exc::TypeError, "memoryview() missing required argument 'object' (pos 1)");
  return memoryview_new(a[0]);
}

// --- iteration ---------------------------------------------------------------------------------

struct MemoryIterObject : Object {
  Value view;
  int64_t index;
};

Value memoryview_iter(Value self) {
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, Value());
  if (v->ndim == 0) return raise(exc::TypeError, "invalid indexing of 0-dim memory");
  if (v->ndim > 1) return raise(exc::NotImplementedError, "multi-dimensional sub-views are not implemented");
  MemoryIterObject* it = new_object<MemoryIterObject>(&memory_iterator_type);
  if (it == nullptr) return Value();
  it->view = new_ref(self);
  it->index = 0;
  return Value::object(it);
}

Value memory_iterator_next(Value self) {
  MemoryIterObject* it = static_cast<MemoryIterObject*>(self.as_object());
  if (it->view.is_null()) return Value();
  MemoryViewObject* v = view_of(it->view);
  CHECK_RELEASED(v, Value());
  if (it->index < v->shape()[0]) {
    return unpack(v->format_char, v->buf + it->index++ * v->strides()[0]);
  }
  Value view = it->view;
  it->view = Value();
  decref(view);
  return Value();
}

void memory_iterator_dealloc(Object* self) {
  xdecref(static_cast<MemoryIterObject*>(self)->view);
  free_object(self);
}

Value iter_self(Value self) { return new_ref(self); }

// --- methods -----------------------------------------------------------------------------------

Value mv_release(Value self) {
  release_view(view_of(self));
  return new_ref(none());
}

Value mv_enter(Value self) {
  CHECK_RELEASED(view_of(self), Value());
  return new_ref(self);
}

Value mv_exit(Value self, const Value*, size_t) { return mv_release(self); }

Value mv_tobytes(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"order"};
  Value a[1];
  if (!coll::parse_args("tobytes", args, nargs, kwnames, kParams, 1, 0, 1, a)) return Value();
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, Value());
  bool fortran = false;
  if (!a[0].is_null() && !a[0].is(none())) {
    if (!is_str(a[0])) return raise_format(exc::TypeError, "tobytes() argument 'order' must be str or None, not %s", type_name(a[0]));
    std::string order = str_to_utf8(a[0]);
    if (order != "C" && order != "F" && order != "A") return raise(exc::ValueError, "order must be 'C', 'F' or 'A'");
    fortran = order == "F" || (order == "A" && is_f_contiguous(v) && !is_c_contiguous(v));
  }
  std::string data;
  gather(v, fortran, &data);
  return bytes_from(data);
}

Value mv_hex(Value self, const Value* args, size_t nargs, Value kwnames) {
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, Value());
  std::string data;
  gather(v, false, &data);
  return bytes_hex_method(data, args, nargs, kwnames);
}

// Nested lists, one level per dimension.
Value tolist_dim(MemoryViewObject* v, const char* p, size_t dim) {
  if (dim == static_cast<size_t>(v->ndim)) return unpack(v->format_char, p);
  Ref list = Ref::steal(list_new(static_cast<size_t>(v->shape()[dim])));
  if (!list) return Value();
  for (int64_t i = 0; i < v->shape()[dim]; ++i) {
    Value item = tolist_dim(v, p + i * v->strides()[dim], dim + 1);
    if (item.is_null()) return Value();
    list_items(list.get())[i] = item;
  }
  return list.release();
}

Value mv_tolist(Value self) {
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, Value());
  return tolist_dim(v, v->buf, 0);
}

Value mv_toreadonly(Value self) {
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, Value());
  MemoryViewObject* r = copy_view(v);
  if (r == nullptr) return Value();
  r->readonly = true;
  return Value::object(r);
}

// The shape argument of cast: a list or tuple of positive ints.
bool parse_shape(Value shape, std::vector<int64_t>* out) {
  Ref items = Ref::steal(is_tuple(shape) ? new_ref(shape) : list_as_tuple(shape));
  if (!items) return false;
  for (size_t i = 0; i < tuple_size(items.get()); ++i) {
    Value item = tuple_get(items.get(), i);
    int64_t n;
    if (!is_int(item)) {
      raise(exc::TypeError, "memoryview.cast(): elements of shape must be integers");
      return false;
    }
    if (!int_to_int64(item, &n) || n <= 0) {
      if (int_sign(item) > 0) raise(exc::ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
      else raise(exc::ValueError, "memoryview.cast(): elements of shape must be integers > 0");
      return false;
    }
    out->push_back(n);
  }
  return true;
}

Value mv_cast(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"format", "shape"};
  Value a[2];
  if (!coll::parse_args("cast", args, nargs, kwnames, kParams, 2, 0, 2, a)) return Value();
  if (a[0].is_null()) return raise(exc::TypeError, "cast() missing required argument 'format' (pos 1)");
  if (!is_str(a[0])) return raise_format(exc::TypeError, "cast() argument 'format' must be str, not %s", type_name(a[0]));
  MemoryViewObject* v = view_of(self);
  CHECK_RELEASED(v, Value());
  if (!is_c_contiguous(v)) return raise(exc::TypeError, "memoryview: casts are restricted to C-contiguous views");
  bool has_shape = !a[1].is_null();
  bool zero_in_shape = false;
  for (int64_t d = 0; d < v->ndim; ++d) zero_in_shape = zero_in_shape || v->shape()[d] == 0;
  if ((has_shape || v->ndim != 1) && zero_in_shape) {
    return raise(exc::TypeError, "memoryview: cannot cast view with zeros in shape or strides");
  }
  std::vector<int64_t> shape;
  if (has_shape) {
    if (!is_tuple(a[1]) && !is_list(a[1])) return raise(exc::TypeError, "shape must be a list or a tuple");
    size_t ndim = is_tuple(a[1]) ? tuple_size(a[1]) : list_size(a[1]);
    if (ndim > 64) return raise(exc::ValueError, "memoryview: number of dimensions must not exceed 64");
    if (v->ndim != 1 && ndim != 1) return raise(exc::TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
  }
  std::string format = str_to_utf8(a[0]);
  char f = native_format_char(format);
  if (f == 0) {
    return raise(exc::ValueError,
                 "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  }
  if (!is_byte_format(v->format_char) && !is_byte_format(f)) {
    return raise(exc::TypeError, "memoryview: cannot cast between two non-byte formats");
  }
  int64_t itemsize = format_itemsize(f);
  if (v->nbytes % itemsize != 0) return raise(exc::TypeError, "memoryview: length is not a multiple of itemsize");
  if (has_shape && !parse_shape(a[1], &shape)) return Value();
  if (has_shape) {
    int64_t product = itemsize;
    for (int64_t d : shape) product *= d;
    if (product != v->nbytes) return raise(exc::TypeError, "memoryview: product(shape) * itemsize != buffer size");
  } else {
    shape = {v->nbytes / itemsize};
  }
  MemoryViewObject* c = copy_view(v, static_cast<int64_t>(shape.size()));
  if (c == nullptr) return Value();
  std::memset(c->format, 0, sizeof c->format);
  std::memcpy(c->format, format.data(), format.size());
  c->format_char = f;
  c->itemsize = itemsize;
  int64_t stride = itemsize;
  for (size_t i = shape.size(); i-- > 0;) {
    c->shape()[i] = shape[i];
    c->strides()[i] = stride;
    stride *= shape[i];
  }
  return Value::object(c);
}

// --- attributes --------------------------------------------------------------------------------

Value int_tuple(const int64_t* values, int64_t n) {
  Ref t = Ref::steal(tuple_new(static_cast<size_t>(n)));
  if (!t) return Value();
  for (int64_t i = 0; i < n; ++i) tuple_items(t.get())[i] = int_from_int64(values[i]);
  return t.release();
}

#define GETTER(name, expr)                     \
  Value name(Value self) {                     \
    MemoryViewObject* v = view_of(self);       \
    CHECK_RELEASED(v, Value());                \
    return expr;                               \
  }
GETTER(get_obj, new_ref(v->obj))
GETTER(get_nbytes, int_from_int64(v->nbytes))
GETTER(get_readonly, new_ref(bool_value(v->readonly)))
GETTER(get_itemsize, int_from_int64(v->itemsize))
GETTER(get_format, str_from_ascii(v->format))
GETTER(get_ndim, int_from_int64(v->ndim))
GETTER(get_shape, int_tuple(v->shape(), v->ndim))
GETTER(get_strides, int_tuple(v->strides(), v->ndim))
GETTER(get_suboffsets, tuple_empty())
GETTER(get_c_contiguous, new_ref(bool_value(is_c_contiguous(v))))
GETTER(get_f_contiguous, new_ref(bool_value(is_f_contiguous(v))))
GETTER(get_contiguous, new_ref(bool_value(is_c_contiguous(v) || is_f_contiguous(v))))
#undef GETTER

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef memoryview_methods[] = {
    M("release", mv_release, NoArgs),
    M("tobytes", mv_tobytes, FastKeywords),
    M("hex", mv_hex, FastKeywords),
    M("tolist", mv_tolist, NoArgs),
    M("cast", mv_cast, FastKeywords),
    M("toreadonly", mv_toreadonly, NoArgs),
    M("__enter__", mv_enter, NoArgs),
    M("__exit__", mv_exit, Fast),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

const GetSetDef memoryview_getsets[] = {
    {"obj", get_obj},
    {"nbytes", get_nbytes},
    {"readonly", get_readonly},
    {"itemsize", get_itemsize},
    {"format", get_format},
    {"ndim", get_ndim},
    {"shape", get_shape},
    {"strides", get_strides},
    {"suboffsets", get_suboffsets},
    {"c_contiguous", get_c_contiguous},
    {"f_contiguous", get_f_contiguous},
    {"contiguous", get_contiguous},
    {nullptr, nullptr},
};

}  // namespace

Value memoryview_new(Value object) {
  if (is_memoryview(object)) {
    MemoryViewObject* src = view_of(object);
    CHECK_RELEASED(src, Value());
    MemoryViewObject* v = copy_view(src);
    return v == nullptr ? Value() : Value::object(v);
  }
  if (!is_bytes(object) && !is_bytearray(object)) {
    return raise_format(exc::TypeError, "memoryview: a bytes-like object is required, not '%s'", type_name(object));
  }
  MemoryViewObject* v = alloc_view(1);
  if (v == nullptr) return Value();
  v->obj = new_ref(object);
  add_export(v);
  if (is_bytes(object)) {
    v->readonly = true;
    v->buf = bytes_mutable_data(object);
    v->nbytes = static_cast<int64_t>(bytes_size(object));
  } else {
    ByteArrayObject* b = as_bytearray(object);
    v->buf = b->data != nullptr ? b->data : g_empty_memory;
    v->nbytes = b->size;
    v->readonly = false;
  }
  v->itemsize = 1;
  v->format[0] = v->format_char = 'B';
  v->shape()[0] = v->nbytes;
  v->strides()[0] = 1;
  return Value::object(v);
}

Value memoryview_from_exporter(Value owner, char* data, int64_t size, const BufferExporter* exporter) {
  MemoryViewObject* v = alloc_view(1);
  if (v == nullptr) return Value();
  v->obj = new_ref(owner);
  v->exporter = exporter;
  add_export(v);
  v->buf = data != nullptr ? data : g_empty_memory;
  v->nbytes = size;
  v->readonly = false;
  v->itemsize = 1;
  v->format[0] = v->format_char = 'B';
  v->shape()[0] = size;
  v->strides()[0] = 1;
  return Value::object(v);
}

bool memoryview_contiguous_view(Value v, std::string_view* out) {
  MemoryViewObject* m = view_of(v);
  CHECK_RELEASED(m, false);
  if (!is_c_contiguous(m)) {
    raise(exc::BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  *out = std::string_view(m->buf, static_cast<size_t>(m->nbytes));
  return true;
}

bool memoryview_to_string(Value v, std::string* out) {
  MemoryViewObject* m = view_of(v);
  CHECK_RELEASED(m, false);
  gather(m, false, out);
  return true;
}

bool memoryview_writable_view(Value v, char** data, size_t* size) {
  MemoryViewObject* m = view_of(v);
  if (m->readonly) return false;
  CHECK_RELEASED(m, false);
  if (!is_c_contiguous(m)) {
    raise(exc::BufferError, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  *data = m->buf;
  *size = static_cast<size_t>(m->nbytes);
  return true;
}

void init_memoryview_type() {
  TypeObject& t = memoryview_type;
  coll::init_static_type(t, "memoryview", sizeof(MemoryViewObject), TypeFlag::HaveGc | TypeFlag::MatchSequence);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t.weaklist_offset = offsetof(MemoryViewObject, weaklist);
#pragma GCC diagnostic pop
  t.dealloc = memoryview_dealloc;
  t.traverse = memoryview_traverse;
  t.clear = memoryview_clear;
  t.repr = memoryview_repr;
  t.hash = memoryview_hash;
  t.richcompare = memoryview_richcompare;
  t.iter = memoryview_iter;
  t.new_ = memoryview_new_slot;
  t.sequence.length = memoryview_length;
  t.mapping.length = memoryview_length;
  t.mapping.subscript = memoryview_subscript;
  t.mapping.ass_subscript = memoryview_ass_subscript;
  add_methods(&t, memoryview_methods);
  add_getsets(&t, memoryview_getsets);
  type_ready(&t);

  coll::init_static_type(memory_iterator_type, "memory_iterator", sizeof(MemoryIterObject), 0);
  memory_iterator_type.dealloc = memory_iterator_dealloc;
  memory_iterator_type.iter = iter_self;
  memory_iterator_type.iternext = memory_iterator_next;
  type_ready(&memory_iterator_type);
}

}  // namespace krait::runtime
