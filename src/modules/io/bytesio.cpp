// _io.BytesIO: an in-memory binary stream over a std::string.
#include <cstring>
#include <string>

#include "modules/io/io_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/str.h"

namespace krait::modules::io {

TypeObject bytesio_type;

namespace {

struct BytesIOObject : IOBaseObject {
  std::string buffer;
  size_t pos = 0;
  bool closed = false;
  // Live views from getbuffer(): the buffer must not move or change size meanwhile.
  int64_t exports = 0;
};

BytesIOObject* as_bytesio(Value v) { return static_cast<BytesIOObject*>(v.as_object()); }

Value new_ref(Value v) {
  incref(v);
  return v;
}

// Writes, truncation and close are refused while getbuffer() views exist.
bool check_exports(BytesIOObject* b) {
  if (b->exports == 0) return true;
  raise(exc::BufferError, "Existing exports of data: object cannot be re-sized");
  return false;
}

bool check_open(BytesIOObject* b) {
  if (b->closed) {
    closed_error();
    return false;
  }
  return true;
}

Value bytesio_new(TypeObject* type, const Value*, size_t, Value) {
  BytesIOObject* b = io_alloc<BytesIOObject>(type);
  if (!b) return Value();
  gc_track(b);
  return Value::object(b);
}

int bytesio_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"initial_bytes"};
  Value a[1];
  if (!parse_args("BytesIO", args, nargs, kwnames, kParams, 1, 0, 1, a)) return -1;
  BytesIOObject* b = as_bytesio(self);
  b->buffer.clear();
  b->pos = 0;
  if (a[0] && !a[0].is(none())) {
    std::string_view view;
    if (!buffer_arg(a[0], &view)) return -1;
    b->buffer.assign(view);
  }
  return 0;
}

void bytesio_dealloc(Object* self) { io_free<BytesIOObject>(self); }

// The next `size` bytes (all that remain when size < 0), advancing the position.
std::string_view take(BytesIOObject* b, int64_t size) {
  size_t available = b->pos < b->buffer.size() ? b->buffer.size() - b->pos : 0;
  size_t n = size < 0 || size_t(size) > available ? available : size_t(size);
  std::string_view out(b->buffer.data() + (n ? b->pos : 0), n);
  b->pos += n;
  return out;
}

Value bytesio_read(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("read", nargs, 1)) return Value();
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size)) return Value();
  return bytes_from(take(b, size));
}

Value bytesio_readline(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("readline", nargs, 1)) return Value();
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  int64_t size;
  if (!size_arg(nargs ? args[0] : Value(), &size)) return Value();
  if (b->pos >= b->buffer.size()) return bytes_empty();
  size_t nl = b->buffer.find('\n', b->pos);
  int64_t n = nl == std::string::npos ? int64_t(b->buffer.size() - b->pos) : int64_t(nl + 1 - b->pos);
  if (size >= 0 && size < n) n = size;
  return bytes_from(take(b, n));
}

// CPython's BytesIO iterates with its own readline even in subclasses, and iter() does not check
// for a closed file (next() does).
Value bytesio_iter(Value self) { return new_ref(self); }

Value bytesio_iternext(Value self) {
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  if (b->pos >= b->buffer.size()) return Value();
  size_t nl = b->buffer.find('\n', b->pos);
  int64_t n = nl == std::string::npos ? int64_t(b->buffer.size() - b->pos) : int64_t(nl + 1 - b->pos);
  return bytes_from(take(b, n));
}

Value bytesio_readlines(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("readlines", nargs, 1)) return Value();
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  int64_t hint;
  if (!size_arg(nargs ? args[0] : Value(), &hint)) return Value();
  Ref result = Ref::steal(list_new(0));
  if (!result) return Value();
  int64_t total = 0;
  while (b->pos < b->buffer.size()) {
    size_t nl = b->buffer.find('\n', b->pos);
    int64_t n = nl == std::string::npos ? int64_t(b->buffer.size() - b->pos) : int64_t(nl + 1 - b->pos);
    Ref line = Ref::steal(bytes_from(take(b, n)));
    if (!line || list_append(result.get(), line.get()) < 0) return Value();
    total += n;
    if (hint > 0 && total >= hint) break;
  }
  return result.release();
}

Value bytesio_readinto(Value self, Value buffer) {
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  char* data;
  size_t size;
  if (!writable_buffer_arg("readinto", buffer, &data, &size)) return Value();
  std::string_view got = take(b, int64_t(size));
  if (!got.empty()) std::memcpy(data, got.data(), got.size());
  return int_from_int64(int64_t(got.size()));
}

Value bytesio_write(Value self, Value data) {
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b) || !check_exports(b)) return Value();
  std::string_view view;
  if (!buffer_arg(data, &view)) return Value();
  if (view.empty()) return Value::small_int(0);
  size_t end = b->pos + view.size();
  if (b->pos > b->buffer.size()) b->buffer.resize(b->pos, '\0');  // a seek past the end pads with zeros
  if (end > b->buffer.size()) b->buffer.resize(end);
  std::memmove(b->buffer.data() + b->pos, view.data(), view.size());
  b->pos = end;
  return int_from_int64(int64_t(view.size()));
}

Value bytesio_writelines(Value self, Value lines) {
  if (!check_open(as_bytesio(self)) || !check_exports(as_bytesio(self))) return Value();
  Ref it = Ref::steal(get_iter(lines));
  if (!it) return Value();
  while (true) {
    Ref line = Ref::steal(iter_next(it.get()));
    if (!line) {
      if (error_occurred()) return Value();
      break;
    }
    Ref r = Ref::steal(bytesio_write(self, line.get()));
    if (!r) return Value();
  }
  return new_ref(none());
}

Value bytesio_seek(Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "seek expected %s, got %zu",
                        nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  BytesIOObject* b = as_bytesio(self);
  int64_t pos, whence = 0;
  if (!int_arg(args[0], &pos)) return Value();
  if (nargs > 1 && !int_arg(args[1], &whence)) return Value();
  if (!check_open(b)) return Value();
  if (pos < 0 && whence == 0) return raise_format(exc::ValueError, "negative seek value %lld", (long long)pos);
  if (whence == 1) {
    pos += int64_t(b->pos);
  } else if (whence == 2) {
    pos += int64_t(b->buffer.size());
  } else if (whence != 0) {
    return raise_format(exc::ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  }
  if (pos < 0) pos = 0;
  b->pos = size_t(pos);
  return int_from_int64(pos);
}

Value bytesio_tell(Value self) {
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  return int_from_int64(int64_t(b->pos));
}

Value bytesio_truncate(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("truncate", nargs, 1)) return Value();
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b) || !check_exports(b)) return Value();
  int64_t size;
  if (nargs == 0 || args[0].is(none())) {
    size = int64_t(b->pos);
  } else {
    if (!is_int(args[0]) && !type_of(args[0])->number.index)
      return raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer",
                          type_name(type_of(args[0])));
    if (!int_arg(args[0], &size)) return Value();
    if (size < 0) return raise_format(exc::ValueError, "negative size value %lld", (long long)size);
  }
  if (size_t(size) < b->buffer.size()) b->buffer.resize(size_t(size));
  return int_from_int64(size);
}

Value bytesio_getvalue(Value self) {
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  return bytes_from(b->buffer);
}

void bytesio_add_export(Value owner) { ++as_bytesio(owner)->exports; }
void bytesio_remove_export(Value owner) { --as_bytesio(owner)->exports; }
const BufferExporter kBytesIOExporter = {bytesio_add_export, bytesio_remove_export};

// A writable view of the stream's contents (CPython's view's .obj is a private buffer object;
// here it is the BytesIO itself).
Value bytesio_getbuffer(Value self) {
  BytesIOObject* b = as_bytesio(self);
  if (!check_open(b)) return Value();
  return memoryview_from_exporter(self, b->buffer.data(), int64_t(b->buffer.size()), &kBytesIOExporter);
}

Value bytesio_read1(Value self, const Value* args, size_t nargs) { return bytesio_read(self, args, nargs); }

Value bytesio_close(Value self) {
  BytesIOObject* b = as_bytesio(self);
  if (!check_exports(b)) return Value();
  b->closed = true;
  std::string().swap(b->buffer);
  return new_ref(none());
}

Value true_if_open(Value self) {
  if (!check_open(as_bytesio(self))) return Value();
  return new_ref(true_value());
}
Value bytesio_flush(Value self) {
  if (!check_open(as_bytesio(self))) return Value();
  return new_ref(none());
}
Value bytesio_isatty(Value self) {
  if (!check_open(as_bytesio(self))) return Value();
  return new_ref(false_value());
}
Value get_closed(Value self) { return new_ref(bool_value(as_bytesio(self)->closed)); }

const MethodDef kBytesIOMethods[] = {
    {"read", reinterpret_cast<void*>(bytesio_read), MethodKind::Fast},
    {"read1", reinterpret_cast<void*>(bytesio_read1), MethodKind::Fast},
    {"readline", reinterpret_cast<void*>(bytesio_readline), MethodKind::Fast},
    {"readlines", reinterpret_cast<void*>(bytesio_readlines), MethodKind::Fast},
    {"readinto", reinterpret_cast<void*>(bytesio_readinto), MethodKind::OneArg},
    {"readinto1", reinterpret_cast<void*>(bytesio_readinto), MethodKind::OneArg},
    {"write", reinterpret_cast<void*>(bytesio_write), MethodKind::OneArg},
    {"writelines", reinterpret_cast<void*>(bytesio_writelines), MethodKind::OneArg},
    {"seek", reinterpret_cast<void*>(bytesio_seek), MethodKind::Fast},
    {"tell", reinterpret_cast<void*>(bytesio_tell), MethodKind::NoArgs},
    {"truncate", reinterpret_cast<void*>(bytesio_truncate), MethodKind::Fast},
    {"getvalue", reinterpret_cast<void*>(bytesio_getvalue), MethodKind::NoArgs},
    {"getbuffer", reinterpret_cast<void*>(bytesio_getbuffer), MethodKind::NoArgs},
    {"close", reinterpret_cast<void*>(bytesio_close), MethodKind::NoArgs},
    {"readable", reinterpret_cast<void*>(true_if_open), MethodKind::NoArgs},
    {"writable", reinterpret_cast<void*>(true_if_open), MethodKind::NoArgs},
    {"seekable", reinterpret_cast<void*>(true_if_open), MethodKind::NoArgs},
    {"flush", reinterpret_cast<void*>(bytesio_flush), MethodKind::NoArgs},
    {"isatty", reinterpret_cast<void*>(bytesio_isatty), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef kBytesIOGetSets[] = {
    {"closed", get_closed},
    {nullptr, nullptr},
};

}  // namespace

int init_bytesio_type() {
  init_io_type(bytesio_type, "BytesIO", &bufferediobase_type, sizeof(BytesIOObject));
  bytesio_type.new_ = bytesio_new;
  bytesio_type.init = bytesio_init;
  bytesio_type.dealloc = bytesio_dealloc;
  bytesio_type.traverse = iobase_traverse_dict;
  bytesio_type.clear = iobase_clear_dict;
  bytesio_type.iter = bytesio_iter;
  bytesio_type.iternext = bytesio_iternext;
  add_methods(&bytesio_type, kBytesIOMethods);
  add_getsets(&bytesio_type, kBytesIOGetSets);
  return type_ready(&bytesio_type);
}

}  // namespace krait::modules::io
