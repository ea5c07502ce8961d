// _io._IOBase, _RawIOBase, _BufferedIOBase and _TextIOBase: the generic methods (written over
// method calls by name, so Python subclasses of io.IOBase work), and the helpers every _io type
// shares (errors, argument conversion, allocation).
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "modules/io/io_internal.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/coll_util.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

namespace krait::modules::io {

TypeObject iobase_type, rawiobase_type, bufferediobase_type, textiobase_type;
TypeObject* unsupported_operation = nullptr;

// --- helpers --------------------------------------------------------------------------------------

void init_io_type(TypeObject& type, const char* name, TypeObject* base, size_t basic_size) {
  type.refcount = kImmortalRefcount;
  type.Object::flags = ObjectFlag::Immortal;
  type.type = &type_type;
  type.name = std::string("_io.") + name;
  type.qualname = name;
  type.base = base;
  type.basic_size = basic_size;
  type.TypeObject::flags = TypeFlag::HaveGc | TypeFlag::BaseType;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  type.dict_offset = offsetof(IOBaseObject, dict);
  type.weaklist_offset = offsetof(IOBaseObject, weaklist);
#pragma GCC diagnostic pop
  type.finalize = iobase_finalize;
}

Value closed_error() { return raise(exc::ValueError, "I/O operation on closed file."); }
Value raw_closed_error() { return raise(exc::ValueError, "I/O operation on closed file"); }

Value unsupported(const char* message) { return raise(unsupported_operation, message); }

Value raise_errno(int err, Value filename) {
  Ref code = Ref::steal(int_from_int64(err));
  Ref text = Ref::steal(str_from_utf8(std::strerror(err)));
  Value args[3] = {code.get(), text.get(), filename};
  Ref e = Ref::steal(exception_new(exc::OSError, args, filename ? 3 : 2));
  if (!e) return Value();
  set_exception(e.get());
  return Value();
}

bool size_arg(Value v, int64_t* out) {
  if (!v || v.is(none())) {
    *out = -1;
    return true;
  }
  if (!is_int(v) && !type_of(v)->number.index) {
    raise_format(exc::TypeError, "argument should be integer or None, not '%s'", type_name(type_of(v)));
    return false;
  }
  int64_t n = as_ssize(v);
  if (n == -1 && error_occurred()) return false;
  *out = n;
  return true;
}

bool int_arg(Value v, int64_t* out) {
  if (!is_int(v) && !type_of(v)->number.index) {
    raise_format(exc::TypeError, "'%s' object cannot be interpreted as an integer", type_name(type_of(v)));
    return false;
  }
  int64_t n = as_ssize(v);
  if (n == -1 && error_occurred()) return false;
  *out = n;
  return true;
}

bool buffer_arg(Value v, std::string_view* out) { return bytes_like_view(v, out); }

bool writable_buffer_arg(const char* fname, Value v, char** data, size_t* size) {
  if (is_bytearray(v)) {
    ByteArrayObject* b = as_bytearray(v);
    *data = b->data;
    *size = size_t(b->size);
    return true;
  }
  raise_format(exc::TypeError, "%s() argument must be read-write bytes-like object, not %s", fname,
               type_name(type_of(v)));
  return false;
}

bool parse_args(const char* fname, const Value* args, size_t nargs, Value kwnames, const char* const* params,
                size_t nparams, size_t min_positional, size_t max_positional, Value* out) {
  // Argument Clinic's message for a missing required argument (coll's counts positionals).
  if (nargs < min_positional && nargs <= max_positional) {
    size_t nkw = kwnames ? tuple_size(kwnames) : 0;
    for (size_t i = nargs; i < min_positional; ++i) {
      bool given = false;
      for (size_t k = 0; k < nkw; ++k) given |= str_equal_ascii(tuple_get(kwnames, k), params[i]);
      if (!given) {
        bool known = true;
        for (size_t k = 0; k < nkw; ++k) {
          bool match = false;
          for (size_t j = 0; j < nparams; ++j) match |= str_equal_ascii(tuple_get(kwnames, k), params[j]);
          known &= match;
        }
        if (!known) break;  // coll reports the unknown keyword first, as CPython
        raise_format(exc::TypeError, "%s() missing required argument '%s' (pos %zu)", fname, params[i], i + 1);
        return false;
      }
    }
  }
  return coll::parse_args(fname, args, nargs, kwnames, params, nparams, min_positional, max_positional, out);
}

bool check_no_args(const char* fname, size_t nargs, size_t max) {
  if (nargs <= max) return true;
  raise_format(exc::TypeError, "%s expected at most %zu argument%s, got %zu", fname, max, max == 1 ? "" : "s", nargs);
  return false;
}

Value call0(Value self, const char* name) { return call_method(self, name, nullptr, 0); }
Value call1(Value self, const char* name, Value arg) { return call_method(self, name, &arg, 1); }

int is_closed(Value self) {
  Ref closed = Ref::steal(get_attr(self, "closed"));
  if (!closed) return -1;
  return is_true(closed.get());
}

int check_closed(Value self) {
  int c = is_closed(self);
  if (c < 0) return -1;
  if (c) {
    closed_error();
    return -1;
  }
  return 0;
}

int set_dict_attr(Value self, const char* name, Value value) {
  Ref key = Ref::steal(str_intern(name));
  return set_attr(self, key.get(), value);
}

namespace {

Value new_ref(Value v) {
  incref(v);
  return v;
}

// Prints "Exception ignored in: <repr>" and the traceback (the unraisable hook's format).
void write_unraisable(Value object) {
  Ref exception = fetch_exception();
  Ref text = Ref::steal(repr(object));
  if (text) std::fprintf(stderr, "Exception ignored in: %s\n", str_cstr(text.get()));
  else clear_error();
  std::fflush(stderr);
  if (exception) vm::print_exception(exception.get());
}

}  // namespace

void iobase_finalize(Object* self) {
  Value v = Value::object(self);
  Ref saved;
  if (error_occurred()) saved = fetch_exception();
  int closed = is_closed(v);
  if (closed < 0) {
    clear_error();
  } else if (!closed) {
    static_cast<IOBaseObject*>(self)->finalizing = true;
    Ref r = Ref::steal(call0(v, "close"));
    if (!r) write_unraisable(v);
  }
  if (saved) set_exception(saved.get());
}

// --- _IOBase ----------------------------------------------------------------------------------------

namespace {

IOBaseObject* as_iobase(Value v) { return static_cast<IOBaseObject*>(v.as_object()); }

Value iobase_new(TypeObject* type, const Value*, size_t, Value) {
  IOBaseObject* o = io_alloc<IOBaseObject>(type);
  if (!o) return Value();
  gc_track(o);
  return Value::object(o);
}

void iobase_dealloc(Object* self) { io_free<IOBaseObject>(self); }

Value iobase_seek(Value, const Value*, size_t) { return unsupported("seek"); }
Value iobase_truncate(Value, const Value*, size_t) { return unsupported("truncate"); }
Value iobase_fileno(Value) { return unsupported("fileno"); }

Value iobase_tell(Value self) {
  Value args[2] = {Value::small_int(0), Value::small_int(1)};
  return call_method(self, "seek", args, 2);
}

Value iobase_flush(Value self) {
  int c = is_closed(self);
  if (c < 0) return Value();
  if (c) return closed_error();
  return new_ref(none());
}

Value iobase_close(Value self) {
  int c = is_closed(self);
  if (c < 0) return Value();
  if (c) return new_ref(none());
  Ref r = Ref::steal(call0(self, "flush"));
  as_iobase(self)->iobase_closed = true;
  if (!r) return Value();
  return new_ref(none());
}

Value iobase_get_closed(Value self) { return new_ref(bool_value(as_iobase(self)->iobase_closed)); }

Value false_method(Value) { return new_ref(false_value()); }

Value iobase_isatty(Value self) {
  if (check_closed(self) < 0) return Value();
  return new_ref(false_value());
}

Value check_closed_method(Value self, const Value*, size_t) {
  if (check_closed(self) < 0) return Value();
  return new_ref(none());
}

Value check_capability(Value self, const char* method, const char* message) {
  Ref r = Ref::steal(call0(self, method));
  if (!r) return Value();
  if (!r.get().is(true_value())) return unsupported(message);
  return new_ref(none());
}
Value check_readable(Value self, const Value*, size_t) {
  return check_capability(self, "readable", "File or stream is not readable.");
}
Value check_writable(Value self, const Value*, size_t) {
  return check_capability(self, "writable", "File or stream is not writable.");
}
Value check_seekable(Value self, const Value*, size_t) {
  return check_capability(self, "seekable", "File or stream is not seekable.");
}

Value iobase_enter(Value self) {
  if (check_closed(self) < 0) return Value();
  return new_ref(self);
}

Value iobase_exit(Value self, const Value*, size_t) { return call0(self, "close"); }

Value iobase_readline(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("readline", nargs, 1)) return Value();
  int64_t limit;
  if (!size_arg(nargs ? args[0] : Value(), &limit)) return Value();
  return iobase_readline_generic(self, limit);
}

Value iobase_readlines(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("readlines", nargs, 1)) return Value();
  int64_t hint;
  if (!size_arg(nargs ? args[0] : Value(), &hint)) return Value();
  return iobase_readlines_impl(self, hint);
}

Value iobase_writelines(Value self, Value lines) {
  if (check_closed(self) < 0) return Value();
  Ref it = Ref::steal(get_iter(lines));
  if (!it) return Value();
  while (true) {
    Ref line = Ref::steal(iter_next(it.get()));
    if (!line) {
      if (error_occurred()) return Value();
      break;
    }
    Ref r = Ref::steal(call1(self, "write", line.get()));
    if (!r) return Value();
  }
  return new_ref(none());
}

Value iobase_del(Value self) {
  iobase_finalize(self.as_object());
  if (error_occurred()) return Value();
  return new_ref(none());
}

Value iobase_get_dict(Value self) { return object_get_dict(self); }

}  // namespace

Value iobase_iter(Value self) {
  if (check_closed(self) < 0) return Value();
  return new_ref(self);
}

Value iobase_iternext(Value self) {
  Ref line = Ref::steal(call0(self, "readline"));
  if (!line) return Value();
  Value l = line.get();
  if ((is_bytes(l) && bytes_size(l) == 0) || (is_str(l) && str_length(l) == 0) ||
      (is_bytearray(l) && as_bytearray(l)->size == 0))
    return Value();
  return line.release();
}

Value iobase_readline_generic(Value self, int64_t limit) {
  Ref peek = Ref::steal(lookup_attr(self, Ref::steal(str_intern("peek")).get()));
  if (!peek && error_occurred()) return Value();
  std::string result;
  while (limit < 0 || int64_t(result.size()) < limit) {
    int64_t n = 1;
    if (peek) {
      Ref ahead = Ref::steal(call_one_arg(peek.get(), Value::small_int(1)));
      if (!ahead) return Value();
      std::string_view view;
      if (!is_bytes(ahead.get())) {
        return raise_format(exc::OSError, "peek() should have returned a bytes object, not '%s'",
                            type_name(type_of(ahead.get())));
      }
      view = bytes_view(ahead.get());
      if (view.empty()) break;
      size_t nl = view.find('\n');
      n = nl == std::string_view::npos ? int64_t(view.size()) : int64_t(nl + 1);
      if (limit >= 0 && n > limit - int64_t(result.size())) n = limit - int64_t(result.size());
    }
    Ref b = Ref::steal(call1(self, "read", Ref::steal(int_from_int64(n)).get()));
    if (!b) return Value();
    if (b.get().is(none())) break;
    std::string_view data;
    if (is_bytes(b.get())) data = bytes_view(b.get());
    else if (is_bytearray(b.get())) data = bytearray_view(b.get());
    else
      return raise_format(exc::OSError, "read() should have returned a bytes object, not '%s'",
                          type_name(type_of(b.get())));
    if (data.empty()) break;
    result.append(data);
    if (result.back() == '\n') break;
  }
  return bytes_from(result);
}

Value iobase_readlines_impl(Value self, int64_t hint) {
  Ref result = Ref::steal(list_new(0));
  if (!result) return Value();
  if (hint <= 0) {
    Ref it = Ref::steal(get_iter(self));
    if (!it) return Value();
    while (Value line = iter_next(it.get())) {
      int rc = list_append(result.get(), line);
      decref(line);
      if (rc < 0) return Value();
    }
    if (error_occurred()) return Value();
    return result.release();
  }
  Ref it = Ref::steal(get_iter(self));
  if (!it) return Value();
  int64_t total = 0;
  while (true) {
    Ref line = Ref::steal(iter_next(it.get()));
    if (!line) {
      if (error_occurred()) return Value();
      break;
    }
    if (list_append(result.get(), line.get()) < 0) return Value();
    int64_t n = length(line.get());
    if (n < 0) return Value();
    total += n;
    if (total >= hint) break;
  }
  return result.release();
}

const MethodDef kIOBaseMethods[] = {
    {"seek", reinterpret_cast<void*>(iobase_seek), MethodKind::Fast},
    {"tell", reinterpret_cast<void*>(iobase_tell), MethodKind::NoArgs},
    {"truncate", reinterpret_cast<void*>(iobase_truncate), MethodKind::Fast},
    {"flush", reinterpret_cast<void*>(iobase_flush), MethodKind::NoArgs},
    {"close", reinterpret_cast<void*>(iobase_close), MethodKind::NoArgs},
    {"seekable", reinterpret_cast<void*>(false_method), MethodKind::NoArgs},
    {"readable", reinterpret_cast<void*>(false_method), MethodKind::NoArgs},
    {"writable", reinterpret_cast<void*>(false_method), MethodKind::NoArgs},
    {"_checkClosed", reinterpret_cast<void*>(check_closed_method), MethodKind::Fast},
    {"_checkSeekable", reinterpret_cast<void*>(check_seekable), MethodKind::Fast},
    {"_checkReadable", reinterpret_cast<void*>(check_readable), MethodKind::Fast},
    {"_checkWritable", reinterpret_cast<void*>(check_writable), MethodKind::Fast},
    {"fileno", reinterpret_cast<void*>(iobase_fileno), MethodKind::NoArgs},
    {"isatty", reinterpret_cast<void*>(iobase_isatty), MethodKind::NoArgs},
    {"__enter__", reinterpret_cast<void*>(iobase_enter), MethodKind::NoArgs},
    {"__exit__", reinterpret_cast<void*>(iobase_exit), MethodKind::Fast},
    {"readline", reinterpret_cast<void*>(iobase_readline), MethodKind::Fast},
    {"readlines", reinterpret_cast<void*>(iobase_readlines), MethodKind::Fast},
    {"writelines", reinterpret_cast<void*>(iobase_writelines), MethodKind::OneArg},
    {"__del__", reinterpret_cast<void*>(iobase_del), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

namespace {

const GetSetDef kIOBaseGetSets[] = {
    {"closed", iobase_get_closed},
    {"__dict__", iobase_get_dict},
    {nullptr, nullptr},
};

// --- _RawIOBase ---------------------------------------------------------------------------------

Value rawiobase_read(Value self, const Value* args, size_t nargs) {
  if (!check_no_args("read", nargs, 1)) return Value();
  int64_t n;
  if (!size_arg(nargs ? args[0] : Value(), &n)) return Value();
  if (n < 0) return call0(self, "readall");
  Ref buffer = Ref::steal(bytearray_from(std::string(size_t(n), '\0')));
  if (!buffer) return Value();
  Ref got = Ref::steal(call1(self, "readinto", buffer.get()));
  if (!got) return Value();
  if (got.get().is(none())) return got.release();
  int64_t count = as_ssize(got.get());
  if (count == -1 && error_occurred()) return Value();
  if (count < 0 || count > n) return raise_format(exc::ValueError, "readinto returned %lld outside buffer size %lld",
                                                   (long long)count, (long long)n);
  return bytes_from(bytearray_view(buffer.get()).substr(0, size_t(count)));
}

Value rawiobase_readall(Value self) {
  std::string result;
  while (true) {
    Ref data = Ref::steal(call1(self, "read", Value::small_int(kDefaultBufferSize)));
    if (!data) return Value();
    if (data.get().is(none())) {
      if (result.empty()) return data.release();
      break;
    }
    if (!is_bytes(data.get())) return raise(exc::TypeError, "read() should return bytes");
    if (bytes_size(data.get()) == 0) break;
    result.append(bytes_view(data.get()));
  }
  return bytes_from(result);
}

Value not_implemented_method(Value, const Value*, size_t) { return raise(exc::NotImplementedError, ""); }

const MethodDef kRawIOBaseMethods[] = {
    {"read", reinterpret_cast<void*>(rawiobase_read), MethodKind::Fast},
    {"readall", reinterpret_cast<void*>(rawiobase_readall), MethodKind::NoArgs},
    {"readinto", reinterpret_cast<void*>(not_implemented_method), MethodKind::Fast},
    {"write", reinterpret_cast<void*>(not_implemented_method), MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- _BufferedIOBase ---------------------------------------------------------------------------------

Value buffered_read_unsupported(Value, const Value*, size_t) { return unsupported("read"); }
Value buffered_read1_unsupported(Value, const Value*, size_t) { return unsupported("read1"); }
Value buffered_write_unsupported(Value, const Value*, size_t) { return unsupported("write"); }
Value detach_unsupported(Value) { return unsupported("detach"); }

Value readinto_via(Value self, Value buffer, const char* method, const char* fname) {
  char* data;
  size_t size;
  if (!writable_buffer_arg(fname, buffer, &data, &size)) return Value();
  Ref got = Ref::steal(call1(self, method, Ref::steal(int_from_int64(int64_t(size))).get()));
  if (!got) return Value();
  std::string_view view;
  if (!bytes_like_view(got.get(), &view)) {
    clear_error();
    return raise(exc::TypeError, "read() should return bytes");
  }
  if (view.size() > size)
    return raise_format(exc::ValueError, "read() returned too much data: %zu bytes requested, %zu returned", size,
                        view.size());
  std::memcpy(as_bytearray(buffer)->data, view.data(), view.size());
  return int_from_int64(int64_t(view.size()));
}
Value bufferediobase_readinto(Value self, Value buffer) { return readinto_via(self, buffer, "read", "readinto"); }
Value bufferediobase_readinto1(Value self, Value buffer) { return readinto_via(self, buffer, "read1", "readinto1"); }

const MethodDef kBufferedIOBaseMethods[] = {
    {"read", reinterpret_cast<void*>(buffered_read_unsupported), MethodKind::Fast},
    {"read1", reinterpret_cast<void*>(buffered_read1_unsupported), MethodKind::Fast},
    {"write", reinterpret_cast<void*>(buffered_write_unsupported), MethodKind::Fast},
    {"detach", reinterpret_cast<void*>(detach_unsupported), MethodKind::NoArgs},
    {"readinto", reinterpret_cast<void*>(bufferediobase_readinto), MethodKind::OneArg},
    {"readinto1", reinterpret_cast<void*>(bufferediobase_readinto1), MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

// --- _TextIOBase -------------------------------------------------------------------------------------

Value text_read_unsupported(Value, const Value*, size_t) { return unsupported("read"); }
Value text_readline_unsupported(Value, const Value*, size_t) { return unsupported("readline"); }
Value text_write_unsupported(Value, const Value*, size_t) { return unsupported("write"); }
Value none_getter(Value) { return new_ref(none()); }

const MethodDef kTextIOBaseMethods[] = {
    {"read", reinterpret_cast<void*>(text_read_unsupported), MethodKind::Fast},
    {"readline", reinterpret_cast<void*>(text_readline_unsupported), MethodKind::Fast},
    {"write", reinterpret_cast<void*>(text_write_unsupported), MethodKind::Fast},
    {"detach", reinterpret_cast<void*>(detach_unsupported), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};
const GetSetDef kTextIOBaseGetSets[] = {
    {"encoding", none_getter},
    {"newlines", none_getter},
    {"errors", none_getter},
    {nullptr, nullptr},
};

// io.UnsupportedOperation: class UnsupportedOperation(OSError, ValueError), __module__ 'io'.
int make_unsupported_operation() {
  Ref name = Ref::steal(str_intern("UnsupportedOperation"));
  Ref bases = Ref::steal(tuple_pack({Value::object(exc::OSError), Value::object(exc::ValueError)}));
  Ref ns = Ref::steal(dict_new());
  Ref module = Ref::steal(str_intern("io"));
  if (!name || !bases || !ns || !module || dict_set_item_str(ns.get(), "__module__", module.get()) < 0) return -1;
  Value cls = create_class(&type_type, name.get(), bases.get(), ns.get(), Value());
  if (!cls) return -1;
  unsupported_operation = static_cast<TypeObject*>(cls.as_object());  // kept for the process's life
  return 0;
}

}  // namespace

int init_iobase_types() {
  init_io_type(iobase_type, "_IOBase", &object_type, sizeof(IOBaseObject));
  iobase_type.new_ = iobase_new;
  iobase_type.dealloc = iobase_dealloc;
  iobase_type.traverse = iobase_traverse_dict;
  iobase_type.clear = iobase_clear_dict;
  iobase_type.iter = iobase_iter;
  iobase_type.iternext = iobase_iternext;
  add_methods(&iobase_type, kIOBaseMethods);
  add_getsets(&iobase_type, kIOBaseGetSets);
  if (type_ready(&iobase_type) < 0) return -1;

  init_io_type(rawiobase_type, "_RawIOBase", &iobase_type, sizeof(IOBaseObject));
  add_methods(&rawiobase_type, kRawIOBaseMethods);
  init_io_type(bufferediobase_type, "_BufferedIOBase", &iobase_type, sizeof(IOBaseObject));
  add_methods(&bufferediobase_type, kBufferedIOBaseMethods);
  init_io_type(textiobase_type, "_TextIOBase", &iobase_type, sizeof(IOBaseObject));
  add_methods(&textiobase_type, kTextIOBaseMethods);
  add_getsets(&textiobase_type, kTextIOBaseGetSets);
  for (TypeObject* t : {&rawiobase_type, &bufferediobase_type, &textiobase_type}) {
    t->new_ = iobase_new;
    t->dealloc = iobase_dealloc;
    t->traverse = iobase_traverse_dict;
    t->clear = iobase_clear_dict;
    if (type_ready(t) < 0) return -1;
  }
  return make_unsupported_operation();
}

}  // namespace krait::modules::io
