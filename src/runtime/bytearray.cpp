// bytearray: a mutable bytes. The non-mutating methods are bytes' (bytes_methods.cpp); this file
// holds storage (CPython's over-allocation policy, so __alloc__ matches and appends are amortized
// O(1)), construction, item/slice assignment and the mutating methods. While a memoryview
// exports the bytearray (exports > 0) any change of size is refused with BufferError.
#include <cinttypes>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/memoryview.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

using coll::type_name;

namespace {


constexpr int64_t kCPythonObjectSize = 56;  // sizeof(PyByteArrayObject), for __sizeof__

ByteArrayObject* allocate_bytearray(TypeObject* type) {
  size_t size = type->basic_size > sizeof(ByteArrayObject) ? type->basic_size : sizeof(ByteArrayObject);
  Object* memory = allocate_object(type, size);
  return static_cast<ByteArrayObject*>(memory);  // fields zeroed: empty, nothing allocated
}

// Sets the allocation to exactly `alloc` bytes (the first min(size, alloc - 1) bytes kept); the
// data moves back to the start of the new memory.
bool reallocate(ByteArrayObject* b, int64_t alloc) {
  char* memory;
  if (b->data != b->base) {
    memory = static_cast<char*>(std::malloc(static_cast<size_t>(alloc)));
    if (memory != nullptr) {
      std::memcpy(memory, b->data, static_cast<size_t>(std::min(b->size, alloc - 1)));
      std::free(b->base);
    }
  } else {
    memory = static_cast<char*>(std::realloc(b->base, static_cast<size_t>(alloc)));
  }
  if (memory == nullptr) {
    raise_no_memory();
    return false;
  }
  b->base = b->data = memory;
  b->allocated = alloc;
  return true;
}

// The value of a byte argument: an int (or __index__) in range(256).
bool byte_value(Value v, int* out) {
  int64_t x;
  if (v.is_small_int()) {
    x = v.as_small_int();
  } else {
    Ref index = Ref::steal(number_index(v));
    if (!index) return false;
    if (!int_to_int64(index.get(), &x)) x = -1;
  }
  if (x < 0 || x > 255) {
    raise(exc::ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

// Replaces data[lo, hi) by `values` (the linear slice assignment and deletion).
int replace_range(Value self, int64_t lo, int64_t hi, std::string_view values) {
  ByteArrayObject* b = as_bytearray(self);
  int64_t n = b->size, needed = static_cast<int64_t>(values.size());
  int64_t growth = needed - (hi - lo);
  std::string keep(values);  // values may point into self
  if (growth < 0) {
    if (b->exports > 0) return bytearray_resize(self, n + growth);  // refused: the BufferError
    if (lo == 0) {
      // Deleting from the front advances the start (CPython's ob_start): `del b[:k]` in a loop
      // costs no copying.
      b->data -= growth;
    } else {
      std::memmove(b->data + lo + needed, b->data + hi, static_cast<size_t>(n - hi));
    }
    if (bytearray_resize(self, n + growth) < 0) return -1;
  } else if (growth > 0) {
    if (bytearray_resize(self, n + growth) < 0) return -1;
    std::memmove(b->data + hi + growth, b->data + hi, static_cast<size_t>(n - hi));
  }
  if (needed > 0) std::memcpy(b->data + lo, keep.data(), static_cast<size_t>(needed));
  return 0;
}

// The bytes a slice assignment stores: a buffer's data or an iterable of byte values.
bool assigned_data(Value value, std::string* out) {
  if (has_buffer(value)) return buffer_to_string(value, out);
  TypeObject* t = type_of(value);
  bool number = is_int(value) || value.is_float() || t->number.index || t->number.int_ || t->number.float_ ||
                t == &complex_type;
  if (number || is_str(value)) {
    raise(exc::TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  return byteseq_init_data("bytearray", value, Value(), Value(), out);
}

int assign_slice(Value self, Value key, Value value) {
  std::string values;
  if (!value.is_null() && !assigned_data(value, &values)) return -1;
  int64_t start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
  ByteArrayObject* b = as_bytearray(self);
  int64_t count = slice_adjust_indices(b->size, &start, &stop, step);
  if (step == 1) return replace_range(self, start, stop < start ? start : stop, values);
  if (value.is_null() || values.empty()) {
    if (count == 0) return 0;
    if (b->exports > 0) return bytearray_resize(self, b->size - count);
    // Deleting an extended slice: compact the kept bytes in one pass.
    if (step < 0) {
      start += step * (count - 1);
      step = -step;
    }
    int64_t out = start;
    for (int64_t i = start; i < b->size; ++i) {
      bool deleted = i < start + step * count && (i - start) % step == 0;
      if (!deleted) b->data[out++] = b->data[i];
    }
    return bytearray_resize(self, out);
  }
  if (static_cast<int64_t>(values.size()) != count) {
    raise_format(exc::ValueError, "attempt to assign bytes of size %zu to extended slice of size %" PRId64,
                 values.size(), count);
    return -1;
  }
  for (int64_t i = 0, at = start; i < count; ++i, at += step) b->data[at] = values[static_cast<size_t>(i)];
  return 0;
}

// --- slots -------------------------------------------------------------------------------------

void bytearray_dealloc(Object* self) {
  std::free(static_cast<ByteArrayObject*>(self)->base);
  free_object(self);
}

Value bytearray_repr(Value self) {
  std::string text = type_of(self)->name + "(" + bytes_repr_text(bytearray_view(self), true) + ")";
  return str_from_ascii(text);
}

int64_t bytearray_length(Value self) { return as_bytearray(self)->size; }

Value bytearray_concat(Value a, Value b) {
  std::string_view x, y;
  if (!is_bytearray(a) || !has_buffer(b) || !bytes_like_view(b, &y)) {
    clear_error();
    return raise_format(exc::TypeError, "can't concat %s to %s", type_name(b), type_name(a));
  }
  x = bytearray_view(a);
  std::string out(x);
  out.append(y);
  return bytearray_from(out);
}

Value bytearray_repeat(Value self, int64_t count) {
  std::string_view v = bytearray_view(self);
  if (count <= 0 || v.empty()) return bytearray_from("");
  if (static_cast<uint64_t>(count) > (uint64_t(1) << 62) / v.size()) return raise_no_memory();
  std::string out;
  out.reserve(v.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out.append(v);
  return bytearray_from(out);
}

Value bytearray_item(Value self, int64_t index) {
  if (index < 0 || index >= as_bytearray(self)->size) return raise(exc::IndexError, "bytearray index out of range");
  return int_from_int64(static_cast<unsigned char>(as_bytearray(self)->data[index]));
}

int bytearray_contains(Value self, Value item) { return byteseq_contains(bytearray_view(self), item); }

int bytearray_ass_subscript(Value self, Value key, Value value) {
  if (is_slice(key)) return assign_slice(self, key, value);
  if (!is_int(key) && type_of(key)->number.index == nullptr) {
    raise_format(exc::TypeError, "bytearray indices must be integers or slices, not %s", type_name(key));
    return -1;
  }
  int64_t index;
  if (!subscript_index(key, &index)) return -1;
  ByteArrayObject* b = as_bytearray(self);
  if (index < 0) index += b->size;
  if (index < 0 || index >= b->size) {
    raise(exc::IndexError, "bytearray index out of range");
    return -1;
  }
  if (value.is_null()) return replace_range(self, index, index + 1, "");
  int byte;
  if (!byte_value(value, &byte)) return -1;
  b->data[index] = static_cast<char>(byte);
  return 0;
}

Value bytearray_inplace_concat(Value self, Value other) {
  std::string_view y;
  if (!has_buffer(other) || !bytes_like_view(other, &y)) {
    clear_error();
    return raise_format(exc::TypeError, "can't concat %s to %s", type_name(other), type_name(self));
  }
  int64_t n = as_bytearray(self)->size;
  if (replace_range(self, n, n, y) < 0) return Value();
  return Ref::borrow(self).release();
}

Value bytearray_inplace_repeat(Value self, Value count_value) {
  if (!is_int(count_value) && type_of(count_value)->number.index == nullptr) return Ref::borrow(not_implemented()).release();
  int64_t count;
  if (!coll::index_arg(count_value, &count)) return Value();
  ByteArrayObject* b = as_bytearray(self);
  int64_t n = b->size;
  if (count < 1) count = 0;
  if (n > 0 && count > (int64_t(1) << 62) / n) return raise_no_memory();
  if (bytearray_resize(self, n * count) < 0) return Value();
  for (int64_t c = 1; c < count; ++c) std::memcpy(b->data + c * n, b->data, static_cast<size_t>(n));
  return Ref::borrow(self).release();
}

Value bytearray_new_slot(TypeObject* type, const Value*, size_t, Value) {
  ByteArrayObject* b = allocate_bytearray(type);
  return b == nullptr ? Value() : Value::object(b);
}

// bytearray(source, encoding, errors): as CPython, grown by appends for a general iterable (so
// __alloc__ matches), sized once otherwise.
int bytearray_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"source", "encoding", "errors"};
  Value a[3];
  if (!coll::parse_args("bytearray", args, nargs, kwnames, kParams, 3, 0, 3, a)) return -1;
  if (bytearray_resize(self, 0) < 0) return -1;
  std::string data;
  if (!byteseq_init_data("bytearray", a[0], a[1], a[2], &data)) return -1;
  Value source = a[0];
  bool grown_by_appends = !source.is_null() && !is_str(source) && !has_buffer(source) && !is_int(source) &&
                          type_of(source)->number.index == nullptr && !is_list_exact(source) && !is_tuple_exact(source);
  ByteArrayObject* b = as_bytearray(self);
  if (!grown_by_appends) {
    if (bytearray_resize(self, static_cast<int64_t>(data.size())) < 0) return -1;
    if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
    return 0;
  }
  for (char c : data) {
    if (bytearray_resize(self, b->size + 1) < 0) return -1;
    b->data[b->size - 1] = c;
  }
  return 0;
}

// --- methods -----------------------------------------------------------------------------------

Value ba_append(Value self, Value item) {
  int byte;
  if (!byte_value(item, &byte)) return Value();
  ByteArrayObject* b = as_bytearray(self);
  if (bytearray_resize(self, b->size + 1) < 0) return Value();
  b->data[b->size - 1] = static_cast<char>(byte);
  return Ref::borrow(none()).release();
}

Value ba_extend(Value self, Value iterable) {
  std::string data;
  if (has_buffer(iterable)) {
    if (!buffer_to_string(iterable, &data)) return Value();
  } else {
    if (type_of(iterable)->iter == nullptr && type_of(iterable)->sequence.item == nullptr) {
      return raise_format(exc::TypeError, "can't extend bytearray with %s", type_name(iterable));
    }
    if (!byteseq_from_iterable("bytearray", iterable, &data)) return Value();
  }
  int64_t n = as_bytearray(self)->size;
  if (replace_range(self, n, n, data) < 0) return Value();
  return Ref::borrow(none()).release();
}

Value ba_insert(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("insert", nargs, 2, 2)) return Value();
  int64_t index;
  if (!coll::ssize_arg(args[0], &index)) return Value();
  int byte;
  if (!byte_value(args[1], &byte)) return Value();
  ByteArrayObject* b = as_bytearray(self);
  int64_t n = b->size;
  if (index < 0) index = index + n < 0 ? 0 : index + n;
  if (index > n) index = n;
  char c = static_cast<char>(byte);
  if (replace_range(self, index, index, std::string_view(&c, 1)) < 0) return Value();
  return Ref::borrow(none()).release();
}

Value ba_pop(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("pop", nargs, 0, 1)) return Value();
  int64_t index = -1;
  if (nargs == 1 && !coll::ssize_arg(args[0], &index)) return Value();
  ByteArrayObject* b = as_bytearray(self);
  if (b->size == 0) return raise(exc::IndexError, "pop from empty bytearray");
  if (index < 0) index += b->size;
  if (index < 0 || index >= b->size) return raise(exc::IndexError, "pop index out of range");
  unsigned char c = static_cast<unsigned char>(b->data[index]);
  if (replace_range(self, index, index + 1, "") < 0) return Value();
  return int_from_int64(c);
}

Value ba_remove(Value self, Value item) {
  int byte;
  if (!byte_value(item, &byte)) return Value();
  size_t at = bytearray_view(self).find(static_cast<char>(byte));
  if (at == std::string_view::npos) return raise(exc::ValueError, "value not found in bytearray");
  if (replace_range(self, static_cast<int64_t>(at), static_cast<int64_t>(at) + 1, "") < 0) return Value();
  return Ref::borrow(none()).release();
}

Value ba_clear(Value self) {
  if (bytearray_resize(self, 0) < 0) return Value();
  return Ref::borrow(none()).release();
}

Value ba_copy(Value self) { return bytearray_from(bytearray_view(self)); }

Value ba_reverse(Value self) {
  ByteArrayObject* b = as_bytearray(self);
  for (int64_t i = 0, j = b->size - 1; i < j; ++i, --j) std::swap(b->data[i], b->data[j]);
  return Ref::borrow(none()).release();
}

Value ba_alloc(Value self) { return int_from_int64(as_bytearray(self)->allocated); }

Value ba_sizeof(Value self) {
  int64_t extra = static_cast<int64_t>(type_of(self)->basic_size) - static_cast<int64_t>(sizeof(ByteArrayObject));
  return int_from_int64(kCPythonObjectSize + (extra > 0 ? extra : 0) + as_bytearray(self)->allocated);
}

// (type, args, state): Latin-1 str + 'latin-1' below protocol 3, bytes from 3 on.
Value reduce_impl(Value self, int64_t proto) {
  Ref name = Ref::steal(str_intern("__dict__"));
  if (!name) return Value();
  Ref state = Ref::steal(lookup_attr(self, name.get()));
  if (!state) {
    if (error_occurred()) return Value();
    state = Ref::borrow(none());
  }
  std::string_view data = bytearray_view(self);
  Ref args;
  if (proto < 3) {
    Ref text = Ref::steal(str_from_latin1(data));
    Ref codec = Ref::steal(str_from_ascii("latin-1"));
    if (!text || !codec) return Value();
    args = Ref::steal(tuple_pack({text.get(), codec.get()}));
  } else if (data.empty()) {
    args = Ref::steal(tuple_empty());
  } else {
    Ref raw = Ref::steal(bytes_from(data));
    if (!raw) return Value();
    args = Ref::steal(tuple_pack({raw.get()}));
  }
  if (!args) return Value();
  return tuple_pack({Value::object(type_of(self)), args.get(), state.get()});
}

Value ba_reduce(Value self) { return reduce_impl(self, 0); }

Value ba_reduce_ex(Value self, const Value* args, size_t nargs) {
  if (!coll::check_unpack("__reduce_ex__", nargs, 0, 1)) return Value();
  int64_t proto = 0;
  if (nargs == 1) {
    if (type_of(args[0]) == &float_type) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer");
    if (!coll::index_arg(args[0], &proto)) return Value();
  }
  return reduce_impl(self, proto);
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef bytearray_methods[] = {
    M("__alloc__", ba_alloc, NoArgs),
    M("__reduce__", ba_reduce, NoArgs),
    M("__reduce_ex__", ba_reduce_ex, Fast),
    M("__sizeof__", ba_sizeof, NoArgs),
    M("append", ba_append, OneArg),
    M("clear", ba_clear, NoArgs),
    M("copy", ba_copy, NoArgs),
    M("extend", ba_extend, OneArg),
    M("insert", ba_insert, Fast),
    M("pop", ba_pop, Fast),
    M("remove", ba_remove, OneArg),
    M("reverse", ba_reverse, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

}  // namespace

bool subscript_index(Value key, int64_t* out) {
  if (key.is_small_int()) {
    *out = key.as_small_int();
    return true;
  }
  Ref index = Ref::steal(number_index(key));
  if (!index) return false;
  if (!int_to_int64(index.get(), out)) {
    raise_format(exc::IndexError, "cannot fit '%s' into an index-sized integer", type_name(key));
    return false;
  }
  return true;
}

// Not inlined: GCC 12 warns about impossible sizes in the constant-folded copies.
[[gnu::noinline]] int bytearray_resize(Value v, int64_t size) {
  ByteArrayObject* b = as_bytearray(v);
  if (size == b->size) return 0;
  if (b->exports > 0) {
    raise(exc::BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
  }
  int64_t alloc = b->allocated, offset = b->data - b->base;
  if (size + offset + 1 <= alloc) {
    if (size >= alloc / 2) {  // a minor shrink keeps the memory
      b->size = size;
      b->data[size] = '\0';
      return 0;
    }
    alloc = size + 1;
  } else if (static_cast<double>(size) <= static_cast<double>(alloc) * 1.125) {
    alloc = size + (size >> 3) + (size < 9 ? 3 : 6);  // moderate growth: over-allocate
  } else {
    alloc = size + 1;  // a big jump: exactly what is asked
  }
  if (!reallocate(b, alloc)) return -1;
  if (size > b->size) std::memset(b->data + b->size, 0, static_cast<size_t>(size - b->size));
  b->size = size;
  b->data[size] = '\0';
  return 0;
}

Value bytearray_from(std::string_view data) {
  ByteArrayObject* b = allocate_bytearray(&bytearray_type);
  if (b == nullptr) return Value();
  Ref result = Ref::steal(Value::object(b));
  if (!data.empty()) {
    if (!reallocate(b, static_cast<int64_t>(data.size()) + 1)) return Value();
    std::memcpy(b->data, data.data(), data.size());
    b->data[data.size()] = '\0';
    b->size = static_cast<int64_t>(data.size());
  }
  return result.release();
}

void init_bytearray_type() {
  TypeObject& t = bytearray_type;
  coll::init_static_type(t, "bytearray", sizeof(ByteArrayObject), TypeFlag::BaseType);
  t.dealloc = bytearray_dealloc;
  t.repr = bytearray_repr;
  t.str = bytearray_repr;
  t.richcompare = byteseq_richcompare;
  t.iter = byteseq_iter;
  t.new_ = bytearray_new_slot;
  t.init = bytearray_init;
  t.sequence.length = bytearray_length;
  t.sequence.concat = bytearray_concat;
  t.sequence.repeat = bytearray_repeat;
  t.sequence.item = bytearray_item;
  t.sequence.contains = bytearray_contains;
  t.mapping.length = bytearray_length;
  t.mapping.subscript = byteseq_subscript;
  t.mapping.ass_subscript = bytearray_ass_subscript;
  t.number.remainder = byteseq_remainder;
  t.number.inplace_add = bytearray_inplace_concat;
  t.number.inplace_multiply = bytearray_inplace_repeat;
  add_methods(&t, byteseq_methods);
  add_methods(&t, bytearray_methods);
  type_ready(&t);
}

}  // namespace krait::runtime
