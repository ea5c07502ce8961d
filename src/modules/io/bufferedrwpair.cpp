// _io.BufferedRWPair: a BufferedReader and a BufferedWriter over two raw streams, seen as one.
#include "modules/io/io_internal.h"
#include "runtime/abstract.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::modules::io {

TypeObject buffered_rwpair_type;

namespace {

struct RWPairObject : IOBaseObject {
  Value reader;  // a BufferedReader
  Value writer;  // a BufferedWriter
};

RWPairObject* as_pair(Value v) { return static_cast<RWPairObject*>(v.as_object()); }

Value pair_new(TypeObject* type, const Value*, size_t, Value) {
  RWPairObject* p = io_alloc<RWPairObject>(type);
  if (!p) return Value();
  gc_track(p);
  return Value::object(p);
}

int check_capability(Value raw, const char* method, const char* message) {
  Ref r = Ref::steal(call0(raw, method));
  if (!r) return -1;
  if (!r.get().is(true_value())) {
    unsupported(message);
    return -1;
  }
  return 0;
}

int pair_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise(exc::TypeError, "BufferedRWPair() takes no keyword arguments");
    return -1;
  }
  if (nargs < 2 || nargs > 3) {
    raise_format(exc::TypeError, "BufferedRWPair expected %s, got %zu",
                 nargs < 2 ? "at least 2 arguments" : "at most 3 arguments", nargs);
    return -1;
  }
  if (check_capability(args[0], "readable", "File or stream is not readable.") < 0) return -1;
  if (check_capability(args[1], "writable", "File or stream is not writable.") < 0) return -1;
  Ref size = Ref::steal(int_from_int64(kDefaultBufferSize));
  Value size_value = nargs == 3 ? args[2] : size.get();
  Value reader_args[2] = {args[0], size_value};
  Ref reader = Ref::steal(call(Value::object(&buffered_reader_type), reader_args, 2));
  if (!reader) return -1;
  Value writer_args[2] = {args[1], size_value};
  Ref writer = Ref::steal(call(Value::object(&buffered_writer_type), writer_args, 2));
  if (!writer) return -1;
  RWPairObject* p = as_pair(self);
  Value old_reader = p->reader, old_writer = p->writer;
  p->reader = reader.release();
  p->writer = writer.release();
  xdecref(old_reader);
  xdecref(old_writer);
  return 0;
}

void pair_dealloc(Object* self) {
  RWPairObject* p = static_cast<RWPairObject*>(self);
  Value r = p->reader, w = p->writer;
  p->reader = p->writer = Value();
  xdecref(r);
  xdecref(w);
  io_free<RWPairObject>(self);
}

void pair_traverse(Object* self, VisitFunc visit, void* context) {
  iobase_traverse_dict(self, visit, context);
  RWPairObject* p = static_cast<RWPairObject*>(self);
  if (p->reader) visit(p->reader, context);
  if (p->writer) visit(p->writer, context);
}

void pair_clear(Object* self) {
  iobase_clear_dict(self);
  RWPairObject* p = static_cast<RWPairObject*>(self);
  Value r = p->reader, w = p->writer;
  p->reader = p->writer = Value();
  xdecref(r);
  xdecref(w);
}

// The reader/writer, or ValueError on an uninitialized pair.
Value part(Value self, bool writer) {
  Value v = writer ? as_pair(self)->writer : as_pair(self)->reader;
  if (!v) raise(exc::ValueError, "I/O operation on uninitialized object");
  return v;
}

Value forward(Value self, bool writer, const char* method, const Value* args, size_t nargs) {
  Value target = part(self, writer);
  if (!target) return Value();
  return call_method(target, method, args, nargs);
}

Value pair_read(Value self, const Value* args, size_t nargs) { return forward(self, false, "read", args, nargs); }
Value pair_peek(Value self, const Value* args, size_t nargs) { return forward(self, false, "peek", args, nargs); }
Value pair_read1(Value self, const Value* args, size_t nargs) { return forward(self, false, "read1", args, nargs); }
Value pair_readinto(Value self, Value b) { return forward(self, false, "readinto", &b, 1); }
Value pair_readinto1(Value self, Value b) { return forward(self, false, "readinto1", &b, 1); }
Value pair_write(Value self, Value b) { return forward(self, true, "write", &b, 1); }
Value pair_flush(Value self) { return forward(self, true, "flush", nullptr, 0); }
Value pair_readable(Value self) { return forward(self, false, "readable", nullptr, 0); }
Value pair_writable(Value self) { return forward(self, true, "writable", nullptr, 0); }

Value pair_isatty(Value self) {
  Ref w = Ref::steal(forward(self, true, "isatty", nullptr, 0));
  if (!w) return Value();
  if (!w.get().is(false_value())) return w.release();
  return forward(self, false, "isatty", nullptr, 0);
}

Value pair_close(Value self) {
  Ref w = Ref::steal(forward(self, true, "close", nullptr, 0));
  Ref error;
  if (!w) error = fetch_exception();
  Ref r = Ref::steal(forward(self, false, "close", nullptr, 0));
  if (error) {
    if (!r) clear_error();
    set_exception(error.get());
    return Value();
  }
  return r.release();
}

Value get_closed(Value self) {
  Value w = part(self, true);
  if (!w) return Value();
  return get_attr(w, "closed");
}

const MethodDef kPairMethods[] = {
    {"read", reinterpret_cast<void*>(pair_read), MethodKind::Fast},
    {"peek", reinterpret_cast<void*>(pair_peek), MethodKind::Fast},
    {"read1", reinterpret_cast<void*>(pair_read1), MethodKind::Fast},
    {"readinto", reinterpret_cast<void*>(pair_readinto), MethodKind::OneArg},
    {"readinto1", reinterpret_cast<void*>(pair_readinto1), MethodKind::OneArg},
    {"write", reinterpret_cast<void*>(pair_write), MethodKind::OneArg},
    {"flush", reinterpret_cast<void*>(pair_flush), MethodKind::NoArgs},
    {"readable", reinterpret_cast<void*>(pair_readable), MethodKind::NoArgs},
    {"writable", reinterpret_cast<void*>(pair_writable), MethodKind::NoArgs},
    {"close", reinterpret_cast<void*>(pair_close), MethodKind::NoArgs},
    {"isatty", reinterpret_cast<void*>(pair_isatty), MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef kPairGetSets[] = {
    {"closed", get_closed},
    {nullptr, nullptr},
};

}  // namespace

int init_rwpair_type() {
  init_io_type(buffered_rwpair_type, "BufferedRWPair", &bufferediobase_type, sizeof(RWPairObject));
  buffered_rwpair_type.new_ = pair_new;
  buffered_rwpair_type.init = pair_init;
  buffered_rwpair_type.dealloc = pair_dealloc;
  buffered_rwpair_type.traverse = pair_traverse;
  buffered_rwpair_type.clear = pair_clear;
  add_methods(&buffered_rwpair_type, kPairMethods);
  add_getsets(&buffered_rwpair_type, kPairGetSets);
  return type_ready(&buffered_rwpair_type);
}

}  // namespace krait::modules::io
