// bytes (and the codecs str.encode / bytes.decode know natively). bytearray is not built yet:
// bytearray_type is defined but has no constructor ("not implemented" on use).
#include "runtime/bytes.h"

#include "runtime/iter_pickle.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "modules/codecs/codecs.h"
#include "runtime/abstract.h"
#include "runtime/coll_util.h"
#include "runtime/errors.h"
#include "runtime/hash.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memory.h"
#include "runtime/memoryview.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/str_builder.h"
#include "runtime/tuple.h"
#include "support/utf8.h"

namespace krait::runtime {

TypeObject bytes_type, bytearray_type, bytes_iterator_type, bytearray_iterator_type;

namespace {

Value g_empty_bytes;
Value new_ref(Value v) {
  incref(v);
  return v;
}

BytesObject* allocate_bytes(size_t n, TypeObject* type = &bytes_type) {
  Object* memory = allocate_object(type, instance_size(type, n + 1));
  if (memory == nullptr) return nullptr;
  BytesObject* b = static_cast<BytesObject*>(memory);
  b->size = static_cast<int64_t>(n);
  b->hash = -1;
  return b;
}

}  // namespace

bool is_bytes(Value v) { return v.is_object() && (v.as_object()->type->flags & TypeFlag::BytesSubclass); }
bool is_bytearray(Value v) {
  if (!v.is_object()) return false;
  TypeObject* t = v.as_object()->type;
  // Exact types first: byteseq_view asks this on every bytes method call.
  if (t == &bytearray_type) return true;
  if (t == &bytes_type || t == &str_type || t == &memoryview_type) return false;
  return is_subtype(t, &bytearray_type);
}

Value bytes_empty() {
  if (g_empty_bytes.is_null()) {
    BytesObject* b = allocate_bytes(0);
    if (b == nullptr) return Value();
    g_empty_bytes = Value::object(b);
  }
  return new_ref(g_empty_bytes);
}

Value bytes_new(size_t size) {
  if (size == 0) return bytes_empty();
  BytesObject* b = allocate_bytes(size);
  return b == nullptr ? Value() : Value::object(b);
}

Value bytes_from(std::string_view data) {
  if (data.empty()) return bytes_empty();
  BytesObject* b = allocate_bytes(data.size());
  if (b == nullptr) return Value();
  std::memcpy(b->data, data.data(), data.size());
  return Value::object(b);
}

bool has_buffer(Value v) { return is_bytes(v) || is_bytearray(v) || is_memoryview(v); }

bool bytes_like_view(Value v, std::string_view* out) {
  if (is_bytes(v)) {
    *out = bytes_view(v);
    return true;
  }
  if (is_bytearray(v)) {
    *out = bytearray_view(v);
    return true;
  }
  if (is_memoryview(v)) return memoryview_contiguous_view(v, out);
  raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", coll::type_name(v));
  return false;
}

bool buffer_to_string(Value v, std::string* out) {
  if (is_memoryview(v)) return memoryview_to_string(v, out);
  std::string_view view;
  if (!bytes_like_view(v, &view)) return false;
  out->assign(view);
  return true;
}

bool writable_buffer(Value v, const char* what, char** data, size_t* size) {
  if (is_bytearray(v)) {
    ByteArrayObject* b = as_bytearray(v);
    *data = b->data;
    *size = static_cast<size_t>(b->size);
    return true;
  }
  if (is_memoryview(v)) {
    if (memoryview_writable_view(v, data, size)) return true;
    if (error_occurred()) return false;  // released, or not contiguous
  }
  raise_format(exc::TypeError, "%s must be read-write bytes-like object, not %s", what, coll::type_name(v));
  return false;
}

Value bytes_repr(Value v) { return str_from_ascii(bytes_repr_text(bytes_view(v), false)); }

std::string bytes_repr_text(std::string_view data, bool escape_single_quotes) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  static const char kHex[] = "0123456789abcdef";
  for (unsigned char c : data) {
    if (c == quote || c == '\\' || (escape_single_quotes && c == '\'')) {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

int64_t bytes_hash(Value v) {
  BytesObject* b = as_bytes(v);
  if (b->hash == -1) b->hash = hash_bytes(b->data, static_cast<size_t>(b->size));
  return b->hash;
}

// --- codecs ------------------------------------------------------------------------------------

// The codecs live in src/modules/codecs (UTF-8, ASCII and Latin-1 natively, other names through
// the codec registry).
Value str_encode(Value str, std::string_view encoding, std::string_view errors) {
  return codecs::encode_text(str, encoding, errors);
}

Value bytes_decode(std::string_view data, std::string_view encoding, std::string_view errors) {
  return codecs::decode_text(data, encoding, errors);
}

bool byteseq_init_data(const char* kind, Value source, Value encoding, Value errors, std::string* out) {
  for (int i = 0; i < 2; ++i) {
    Value v = i == 0 ? encoding : errors;
    if (!v.is_null() && !is_str(v)) {
      raise_format(exc::TypeError, "%s() argument '%s' must be str, not %s", kind, i == 0 ? "encoding" : "errors",
                   coll::type_name(v));
      return false;
    }
  }
  if (!source.is_null() && is_str(source)) {
    if (encoding.is_null()) {
      raise(exc::TypeError, "string argument without an encoding");
      return false;
    }
    Ref encoded = Ref::steal(str_encode(source, str_utf8(encoding), errors.is_null() ? "strict" : str_utf8(errors)));
    if (!encoded) return false;
    out->assign(bytes_view(encoded.get()));
    return true;
  }
  if (!encoding.is_null() || !errors.is_null()) {
    raise(exc::TypeError, encoding.is_null() ? "errors without a string argument" : "encoding without a string argument");
    return false;
  }
  if (source.is_null()) return true;
  if (has_buffer(source)) return buffer_to_string(source, out);
  if (is_int(source) || type_of(source)->number.index != nullptr) {
    int64_t n = as_ssize(source);
    if (n == -1 && error_occurred()) {
      if (!error_matches(exc::OverflowError)) return false;
      clear_error();
      raise(exc::OverflowError, "cannot fit 'int' into an index-sized integer");
      return false;
    }
    if (n < 0) {
      raise(exc::ValueError, "negative count");
      return false;
    }
    out->assign(static_cast<size_t>(n), '\0');
    return true;
  }
  return byteseq_from_iterable(kind, source, out);
}

bool byteseq_from_iterable(const char* kind, Value source, std::string* out) {
  Ref iterator = Ref::steal(get_iter(source));
  if (!iterator) {
    if (error_matches(exc::TypeError)) {
      clear_error();
      raise_format(exc::TypeError, "cannot convert '%s' object to %s", coll::type_name(source), kind);
    }
    return false;
  }
  bool is_bytes_kind = kind[4] == 's';  // "bytes" or "bytearray": their range messages differ
  while (true) {
    Ref item = Ref::steal(iter_next(iterator.get()));
    if (!item) return !error_occurred();
    int64_t x;
    if (!coll::index_arg(item.get(), &x)) return false;
    if (x < 0 || x > 255) {
      raise(exc::ValueError, is_bytes_kind ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
      return false;
    }
    *out += static_cast<char>(x);
  }
}

// --- slots and methods ---------------------------------------------------------------------------

namespace {

void bytes_dealloc(Object* self) { free_object(self); }
size_t bytes_var_bytes(const Object* self) { return static_cast<size_t>(static_cast<const BytesObject*>(self)->size) + 1; }
int64_t bytes_hash_slot(Value v) { return bytes_hash(v); }
int64_t bytes_length(Value v) { return static_cast<int64_t>(bytes_size(v)); }

// bytes compares with bytes only (bytearray and memoryview answer for mixed comparisons).
Value bytes_richcompare(Value a, Value b, CompareOp op) {
  if (!is_bytes(a) || !is_bytes(b)) return new_ref(not_implemented());
  return byteseq_richcompare(a, b, op);
}

Value bytes_concat(Value a, Value b) {
  std::string_view x, y;
  if (!is_bytes(a) || !bytes_like_view(b, &y)) {
    clear_error();
    return raise_format(exc::TypeError, "can't concat %s to %s", coll::type_name(b), coll::type_name(a));
  }
  x = bytes_view(a);
  std::string out(x);
  out.append(y);
  return bytes_from(out);
}

Value bytes_repeat(Value self, int64_t count) {
  if (count <= 0) return bytes_empty();
  std::string out;
  std::string_view v = bytes_view(self);
  out.reserve(v.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out.append(v);
  return bytes_from(out);
}

Value bytes_item(Value self, int64_t index) {
  if (index < 0 || static_cast<size_t>(index) >= bytes_size(self)) return raise(exc::IndexError, "index out of range");
  return int_from_int64(static_cast<unsigned char>(bytes_data(self)[index]));
}

int bytes_contains(Value self, Value item) { return byteseq_contains(bytes_view(self), item); }

Value bytes_getnewargs(Value self) {
  Ref copy = Ref::steal(bytes_from(bytes_view(self)));
  if (!copy) return Value();
  return tuple_pack({copy.get()});
}

// bytes.__bytes__: self when exact, a plain copy for subclasses.
Value bytes_bytes(Value self) {
  if (type_of(self) == &bytes_type) return new_ref(self);
  return bytes_from(bytes_view(self));
}

// bytes(source, encoding, errors) as an exact bytes (or what __bytes__ returned).
Value bytes_new_exact(const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"source", "encoding", "errors"};
  Value a[3];
  if (!coll::parse_args("bytes", args, nargs, kwnames, kParams, 3, 0, 3, a)) return Value();
  if (a[0].is_null() && a[1].is_null() && a[2].is_null()) return bytes_empty();
  if (!a[0].is_null() && a[1].is_null() && a[2].is_null()) {
    if (type_of(a[0]) == &bytes_type) return new_ref(a[0]);
    Ref method = Ref::steal(lookup_special(a[0], "__bytes__"));
    if (method) {
      Ref result = Ref::steal(call_no_args(method.get()));
      if (!result) return Value();
      if (!is_bytes(result.get())) {
        return raise_format(exc::TypeError, "__bytes__ returned non-bytes (type %s)", coll::type_name(result.get()));
      }
      return result.release();
    }
    if (error_occurred()) return Value();
  }
  std::string data;
  if (!byteseq_init_data("bytes", a[0], a[1], a[2], &data)) return Value();
  return bytes_from(data);
}

Value bytes_new_slot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Ref exact = Ref::steal(bytes_new_exact(args, nargs, kwnames));
  if (!exact || type == &bytes_type) return exact.release();
  std::string_view data = bytes_view(exact.get());
  BytesObject* b = allocate_bytes(data.size(), type);
  if (b == nullptr) return Value();
  std::memcpy(b->data, data.data(), data.size());
  return Value::object(b);
}

struct BytesIterObject : Object {
  int64_t index;
  Value bytes;
};
}  // namespace

// Iterates a bytes or a bytearray (which may change size while iterated: checked at each step).
Value byteseq_iter(Value self) {
  BytesIterObject* it = new_object<BytesIterObject>(is_bytearray(self) ? &bytearray_iterator_type : &bytes_iterator_type);
  if (it == nullptr) return Value();
  it->index = 0;
  it->bytes = new_ref(self);
  return Value::object(it);
}

namespace {

Value bytes_iterator_next(Value self) {
  BytesIterObject* it = static_cast<BytesIterObject*>(self.as_object());
  if (it->bytes.is_null()) return Value();
  std::string_view data = byteseq_view(it->bytes);
  if (static_cast<size_t>(it->index) < data.size()) {
    return int_from_int64(static_cast<unsigned char>(data[static_cast<size_t>(it->index++)]));
  }
  Value b = it->bytes;
  it->bytes = Value();
  decref(b);
  return Value();
}
void bytes_iterator_dealloc(Object* self) {
  xdecref(static_cast<BytesIterObject*>(self)->bytes);
  free_object(self);
}
Value iter_self(Value self) { return new_ref(self); }

// __length_hint__, __reduce__ ((iter, (bytes,), index), or (iter, ((),)) once exhausted) and
// __setstate__ of bytes_iterator and bytearray_iterator.
Value bytes_iterator_length_hint(Value self) {
  BytesIterObject* it = static_cast<BytesIterObject*>(self.as_object());
  if (it->bytes.is_null()) return int_from_int64(0);
  int64_t left = static_cast<int64_t>(byteseq_view(it->bytes).size()) - it->index;
  return int_from_int64(left < 0 ? 0 : left);
}
Value bytes_iterator_reduce(Value self) {
  BytesIterObject* it = static_cast<BytesIterObject*>(self.as_object());
  if (it->bytes.is_null()) {
    Ref empty = Ref::steal(tuple_empty());
    return empty ? iter_reduce_exhausted(empty.get()) : Value();
  }
  return iter_reduce_value("iter", it->bytes, it->index);
}
Value bytes_iterator_setstate(Value self, Value state) {
  int64_t index;
  if (!iter_state_index(state, &index)) return Value();
  BytesIterObject* it = static_cast<BytesIterObject*>(self.as_object());
  if (it->bytes) {
    int64_t n = static_cast<int64_t>(byteseq_view(it->bytes).size());
    it->index = index < 0 ? 0 : index > n ? n : index;
  }
  return new_ref(none());
}

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef bytes_methods[] = {
    M("__getnewargs__", bytes_getnewargs, NoArgs),
    M("__bytes__", bytes_bytes, NoArgs),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef bytes_iterator_methods[] = {
    M("__length_hint__", bytes_iterator_length_hint, NoArgs),
    M("__reduce__", bytes_iterator_reduce, NoArgs),
    M("__setstate__", bytes_iterator_setstate, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

}  // namespace

void init_bytearray_type();   // bytearray.cpp
void init_memoryview_type();  // memoryview.cpp

void init_bytes_types() {
  TypeObject& t = bytes_type;
  coll::init_static_type(t, "bytes", sizeof(BytesObject), TypeFlag::BaseType | TypeFlag::BytesSubclass);
  t.var_bytes = bytes_var_bytes;
  t.item_size = 1;
  t.dealloc = bytes_dealloc;
  t.repr = bytes_repr;
  t.str = bytes_repr;
  t.hash = bytes_hash_slot;
  t.richcompare = bytes_richcompare;
  t.iter = byteseq_iter;
  t.new_ = bytes_new_slot;
  t.sequence.length = bytes_length;
  t.sequence.concat = bytes_concat;
  t.sequence.repeat = bytes_repeat;
  t.sequence.item = bytes_item;
  t.sequence.contains = bytes_contains;
  t.mapping.length = bytes_length;
  t.mapping.subscript = byteseq_subscript;
  t.number.remainder = byteseq_remainder;
  add_methods(&t, byteseq_methods);
  add_methods(&t, bytes_methods);
  type_ready(&t);

  // One iterator implementation, two types (their names differ, as CPython's).
  struct { TypeObject* type; const char* name; } iterators[] = {
      {&bytes_iterator_type, "bytes_iterator"}, {&bytearray_iterator_type, "bytearray_iterator"}};
  for (auto& it : iterators) {
    coll::init_static_type(*it.type, it.name, sizeof(BytesIterObject), 0);
    it.type->dealloc = bytes_iterator_dealloc;
    it.type->iter = iter_self;
    it.type->iternext = bytes_iterator_next;
    add_methods(it.type, bytes_iterator_methods);
    type_ready(it.type);
  }

  init_bytearray_type();
  init_memoryview_type();
}

}  // namespace krait::runtime
