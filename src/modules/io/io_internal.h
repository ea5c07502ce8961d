// The `_io` module's types and the helpers they share (one type a file in src/modules/io/).
//
// Every _io object starts with IOBaseObject: its __dict__ (FileIO keeps `name` there, open()
// puts `mode` on a TextIOWrapper there, as CPython), its weak-reference list and the closed
// flag of the generic _IOBase.close() that Python subclasses of io.IOBase rely on.
// Native methods of the concrete types work on their own buffers (std::string); the generic
// _IOBase/_RawIOBase methods call methods by name so that Python subclasses can override them.
#pragma once

#include <cstdint>
#include <new>
#include <string>
#include <string_view>

#include "runtime/builtin_types.h"
#include "runtime/errors.h"
#include "runtime/memory.h"
#include "runtime/object.h"

namespace krait::modules::io {

using namespace runtime;

inline constexpr int64_t kDefaultBufferSize = 8192;

struct IOBaseObject : Object {
  Value dict;
  Value weaklist;
  bool iobase_closed = false;  // state of the generic _IOBase.close()
  bool finalizing = false;     // close() is running from the finalizer
};

// --- the types --------------------------------------------------------------------------------
extern TypeObject iobase_type, rawiobase_type, bufferediobase_type, textiobase_type;
extern TypeObject fileio_type, bytesio_type, stringio_type;
extern TypeObject buffered_reader_type, buffered_writer_type, buffered_random_type, buffered_rwpair_type;
extern TypeObject textiowrapper_type, newline_decoder_type;
// io.UnsupportedOperation (a class deriving from OSError and ValueError), made by init_io_types.
extern TypeObject* unsupported_operation;

int init_iobase_types();
int init_fileio_type();
int init_bytesio_type();
int init_buffered_types();
int init_rwpair_type();
int init_textio_type();
int init_stringio_type();
int init_newline_decoder_type();

// --- object life cycle ------------------------------------------------------------------------
// Prepares a static _io type (immortal header, name "_io.X", base, flags: GC + subclassable).
void init_io_type(TypeObject& type, const char* name, TypeObject* base, size_t basic_size);

// Allocates an instance of `type` (a subclass may be bigger than T) and constructs T in it.
template <typename T>
T* io_alloc(TypeObject* type) {
  size_t size = type->basic_size > sizeof(T) ? type->basic_size : sizeof(T);
  Object* memory = allocate_object(type, size);
  if (memory == nullptr) return nullptr;
  uint32_t flags = memory->flags;
  T* object = new (memory) T();
  Object* header = object;
  header->refcount = 1;
  header->flags = flags;
  header->type = type;
  return object;
}

// Frees an _io object: runs ~T, drops the dict, frees the memory.
template <typename T>
void io_free(Object* self) {
  T* object = static_cast<T*>(self);
  gc_untrack(self);
  Value dict = object->dict;
  object->dict = Value();
  xdecref(dict);
  object->~T();
  free_object(self);
}

// Visits the dict (every type's traverse starts with it).
inline void iobase_traverse_dict(Object* self, VisitFunc visit, void* context) {
  if (Value d = static_cast<IOBaseObject*>(self)->dict) visit(d, context);
}
inline void iobase_clear_dict(Object* self) {
  auto* o = static_cast<IOBaseObject*>(self);
  Value d = o->dict;
  o->dict = Value();
  xdecref(d);
}

// The finalizer every _io type uses (calls close() unless closed; errors are dropped).
void iobase_finalize(Object* self);

// --- errors -----------------------------------------------------------------------------------
Value closed_error();           // ValueError "I/O operation on closed file."
Value raw_closed_error();       // ValueError "I/O operation on closed file" (FileIO's, no period)
Value unsupported(const char* message);  // io.UnsupportedOperation(message)
// OSError (or its errno subclass) from errno, with an optional filename.
Value raise_errno(int err, Value filename = Value());

// --- arguments --------------------------------------------------------------------------------
// `size` argument of read()/readline(): None or absent = -1; ints via __index__. False + error:
// TypeError "argument should be integer or None, not 'X'".
bool size_arg(Value v, int64_t* out);
// An int argument (seek offsets): TypeError "'X' object cannot be interpreted as an integer".
bool int_arg(Value v, int64_t* out);
// A bytes-like argument (bytes, bytearray): TypeError "a bytes-like object is required, not 'X'".
bool buffer_arg(Value v, std::string_view* out);
// The writable buffer of readinto(): a bytearray. TypeError as CPython otherwise.
bool writable_buffer_arg(const char* fname, Value v, char** data, size_t* size);
// Parses (positional and keyword) arguments by name; out[i] null when absent.
bool parse_args(const char* fname, const Value* args, size_t nargs, Value kwnames,
                const char* const* params, size_t nparams, size_t min_positional,
                size_t max_positional, Value* out);
bool check_no_args(const char* fname, size_t nargs, size_t max);

// --- calling methods by name ------------------------------------------------------------------
Value call0(Value self, const char* name);
Value call1(Value self, const char* name, Value arg);
// Truth of self.closed (0/1, -1 + error).
int is_closed(Value self);
// Raises ValueError if self.closed is true: 0 ok, -1 error.
int check_closed(Value self);

// --- shared behaviour -------------------------------------------------------------------------
// Reads a line via self.read(1)/peek (the generic _IOBase.readline).
Value iobase_readline_generic(Value self, int64_t limit);
// __next__ for any _io object: calls its readline() (native shortcut for the native types).
Value iobase_iternext(Value self);
Value iobase_iter(Value self);
// readlines(hint) over iteration.
Value iobase_readlines_impl(Value self, int64_t hint);
// The methods of _IOBase (so concrete types can refer to the shared entries).
extern const MethodDef kIOBaseMethods[];

// FileIO's helpers used by open() (fileio.cpp).
int64_t fileio_blksize(Value fileio);
bool fileio_isatty(Value fileio, int* out);
// Truth of raw.closed, without a method call when raw is exactly a FileIO (0/1, -1 + error).
int raw_is_closed(Value raw);
// Sets the instance attribute `name` on an _io object (its dict).
int set_dict_attr(Value self, const char* name, Value value);

// --- universal newlines (newline_decoder.cpp) ----------------------------------------------------
inline constexpr int kSeenLF = 1, kSeenCR = 2, kSeenCRLF = 4;
struct NewlineState {
  bool pendingcr = false;  // a trailing '\r' held back until the next chunk shows whether '\n' follows
  int seennl = 0;          // kSeen* bits
};
// IncrementalNewlineDecoder's rules over UTF-8 text: holds back a final '\r' unless `final`,
// records the kinds of newlines seen and, when `translate`, turns "\r\n" and "\r" into "\n".
void newline_decode(std::string& text, bool translate, bool final, NewlineState& state);
// The `newlines` attribute for seen bits: None, a str or a tuple of str.
Value newlines_value(int seennl);

// --- codecs (textio.cpp) -------------------------------------------------------------------------
enum class Codec : uint8_t { Utf8, Ascii, Latin1 };
// The codec an encoding name stands for; false + LookupError (unknown) or NotImplementedError
// (a codec krait does not have natively).
bool lookup_codec(std::string_view name, Codec* out);

}  // namespace krait::modules::io
