// The `_io` module: open(), open_code(), text_encoding(), DEFAULT_BUFFER_SIZE and the types.
// open() follows CPython's algorithm: FileIO, then a Buffered* object, then a TextIOWrapper,
// with the same argument checks and messages.
#include <cstring>
#include <string>

#include "modules/io/io_internal.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"

namespace krait::modules {

namespace io {
namespace {

Value new_ref(Value v) {
  incref(v);
  return v;
}

Value call_type(TypeObject* type, std::initializer_list<Value> args) {
  return call(Value::object(type), args.begin(), args.size());
}

Value open_function(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"file",    "mode",    "buffering", "encoding",
                                        "errors",  "newline", "closefd",   "opener"};
  Value a[8];
  if (!parse_args("open", args, nargs, kwnames, kParams, 8, 1, 8, a)) return Value();
  Value file = a[0];
  std::string mode = "r";
  if (a[1]) {
    if (!is_str(a[1]))
      return raise_format(exc::TypeError, "open() argument 'mode' must be str, not %s", type_name(type_of(a[1])));
    mode = std::string(str_utf8(a[1]));
  }
  int64_t buffering = -1;
  if (a[2] && !int_arg(a[2], &buffering)) return Value();
  const char* const kStrParams[] = {"encoding", "errors", "newline"};
  for (int i = 0; i < 3; ++i) {
    Value v = a[3 + i];
    if (v && v.is(none())) a[3 + i] = Value();
    else if (v && !is_str(v))
      return raise_format(exc::TypeError, "open() argument '%s' must be str or None, not %s", kStrParams[i],
                          type_name(type_of(v)));
  }
  Value encoding = a[3], errors = a[4], newline = a[5];
  Value closefd = a[6] ? a[6] : true_value();
  Value opener = a[7] ? a[7] : none();

  // os.fspath(file) for path-like objects: FileIO then gets (and names itself by) the str/bytes.
  Ref path;
  if (!is_int(file) && !is_str(file) && !is_bytes(file)) {
    Value fspath = lookup_special(file, "__fspath__");
    if (!fspath) {
      if (!error_occurred())
        raise_format(exc::TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(type_of(file)));
      return Value();
    }
    path = Ref::steal(call_no_args(fspath));
    decref(fspath);
    if (!path) return Value();
    if (!is_str(path.get()) && !is_bytes(path.get()))
      return raise_format(exc::TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                          type_name(type_of(file)), type_name(type_of(path.get())));
    file = path.get();
  }

  bool creating = false, reading = false, writing = false, appending = false, updating = false;
  bool text = false, binary = false;
  for (size_t i = 0; i < mode.size(); ++i) {
    char c = mode[i];
    switch (c) {
      case 'x': creating = true; break;
      case 'r': reading = true; break;
      case 'w': writing = true; break;
      case 'a': appending = true; break;
      case '+': updating = true; break;
      case 't': text = true; break;
      case 'b': binary = true; break;
      default: return raise_format(exc::ValueError, "invalid mode: '%s'", mode.c_str());
    }
    if (mode.find(c, i + 1) != std::string::npos)
      return raise_format(exc::ValueError, "invalid mode: '%s'", mode.c_str());
  }
  std::string rawmode;
  if (creating) rawmode += 'x';
  if (reading) rawmode += 'r';
  if (writing) rawmode += 'w';
  if (appending) rawmode += 'a';
  if (updating) rawmode += '+';

  if (text && binary) return raise(exc::ValueError, "can't have text and binary mode at once");
  if (int(creating) + int(reading) + int(writing) + int(appending) > 1)
    return raise(exc::ValueError, "must have exactly one of create/read/write/append mode");
  if (binary && encoding) return raise(exc::ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors) return raise(exc::ValueError, "binary mode doesn't take an errors argument");
  if (binary && newline) return raise(exc::ValueError, "binary mode doesn't take a newline argument");
  // (CPython also emits a RuntimeWarning for buffering=1 in binary mode; krait has no warnings yet.)

  Ref rawmode_value = Ref::steal(str_from_ascii(rawmode));
  Ref raw;
  {
    Value raw_args[4] = {file, rawmode_value.get(), closefd, opener};
    raw = Ref::steal(call(Value::object(&fileio_type), raw_args, 4));
  }
  if (!raw) return Value();
  Ref result = raw;

  bool line_buffering = false;
  int isatty = 0;
  if (buffering < 0) {
    if (!fileio_isatty(raw.get(), &isatty)) return Value();
  }
  if (buffering == 1 || isatty) {
    buffering = -1;
    line_buffering = true;
  }
  if (buffering < 0) buffering = fileio_blksize(raw.get());
  if (buffering < 0) return raise(exc::ValueError, "invalid buffering size");
  if (buffering == 0) {
    if (!binary) {
      Ref closed = Ref::steal(call0(raw.get(), "close"));
      return raise(exc::ValueError, "can't have unbuffered text I/O");
    }
    return result.release();
  }

  TypeObject* buffer_type;
  if (updating) buffer_type = &buffered_random_type;
  else if (creating || writing || appending) buffer_type = &buffered_writer_type;
  else if (reading) buffer_type = &buffered_reader_type;
  else return raise_format(exc::ValueError, "unknown mode: '%s'", mode.c_str());

  Ref size = Ref::steal(int_from_int64(buffering));
  Ref buffer = Ref::steal(call_type(buffer_type, {raw.get(), size.get()}));
  if (!buffer) {
    Ref error = fetch_exception();
    Ref closed = Ref::steal(call0(raw.get(), "close"));
    clear_error();
    set_exception(error.get());
    return Value();
  }
  if (binary) return buffer.release();

  Value text_args[5] = {buffer.get(), encoding ? encoding : none(), errors ? errors : none(),
                        newline ? newline : none(), bool_value(line_buffering)};
  Ref wrapper = Ref::steal(call(Value::object(&textiowrapper_type), text_args, 5));
  if (!wrapper) {
    Ref error = fetch_exception();
    Ref closed = Ref::steal(call0(buffer.get(), "close"));
    clear_error();
    set_exception(error.get());
    return Value();
  }
  Ref mode_value = Ref::steal(str_from_utf8(mode));
  if (!mode_value || set_dict_attr(wrapper.get(), "mode", mode_value.get()) < 0) return Value();
  return wrapper.release();
}

// open_code(path): open(path, 'rb') for str paths (the import system's reader).
Value open_code_function(Value, const Value* args, size_t nargs, Value kwnames) {
  static const char* const kParams[] = {"path"};
  Value a[1];
  if (!parse_args("open_code", args, nargs, kwnames, kParams, 1, 1, 1, a)) return Value();
  if (!is_str(a[0]))
    return raise_format(exc::TypeError, "open_code() argument 'path' must be str, not %s", type_name(type_of(a[0])));
  Ref rb = Ref::steal(str_intern("rb"));
  Value raw_args[2] = {a[0], rb.get()};
  Ref raw = Ref::steal(call(Value::object(&fileio_type), raw_args, 2));
  if (!raw) return Value();
  Ref size = Ref::steal(int_from_int64(fileio_blksize(raw.get())));
  return call_type(&buffered_reader_type, {raw.get(), size.get()});
}

// text_encoding(encoding, stacklevel=2): None gives "locale" (CPython outside UTF-8 mode; the
// locale encoding itself is taken to be UTF-8 by TextIOWrapper).
Value text_encoding_function(Value, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "text_encoding expected %s, got %zu",
                        nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  if (!args[0].is(none())) return new_ref(args[0]);
  return str_intern("locale");
}

const MethodDef kIOFunctions[] = {
    {"open", reinterpret_cast<void*>(open_function), MethodKind::FastKeywords},
    {"open_code", reinterpret_cast<void*>(open_code_function), MethodKind::FastKeywords},
    {"text_encoding", reinterpret_cast<void*>(text_encoding_function), MethodKind::Fast},
    {nullptr, nullptr, MethodKind::NoArgs},
};

int init_types() {
  static bool ready = false;
  if (ready) return 0;
  if (init_iobase_types() < 0 || init_fileio_type() < 0 || init_bytesio_type() < 0 || init_buffered_types() < 0 ||
      init_rwpair_type() < 0 || init_textio_type() < 0 || init_stringio_type() < 0 ||
      init_newline_decoder_type() < 0)
    return -1;
  ready = true;
  return 0;
}

}  // namespace
}  // namespace io

Value create_io_module() {
  using namespace runtime;
  if (io::init_types() < 0) return Value();
  Ref module = Ref::steal(module_new("_io"));
  if (!module) return Value();
  if (module_add_functions(module.get(), io::kIOFunctions) < 0) return Value();
  Ref size = Ref::steal(int_from_int64(io::kDefaultBufferSize));
  struct Entry {
    const char* name;
    Value value;
  };
  const Entry entries[] = {
      {"DEFAULT_BUFFER_SIZE", size.get()},
      {"BlockingIOError", Value::object(exc::BlockingIOError)},
      {"UnsupportedOperation", Value::object(io::unsupported_operation)},
      {"_IOBase", Value::object(&io::iobase_type)},
      {"_RawIOBase", Value::object(&io::rawiobase_type)},
      {"_BufferedIOBase", Value::object(&io::bufferediobase_type)},
      {"_TextIOBase", Value::object(&io::textiobase_type)},
      {"FileIO", Value::object(&io::fileio_type)},
      {"BytesIO", Value::object(&io::bytesio_type)},
      {"StringIO", Value::object(&io::stringio_type)},
      {"BufferedReader", Value::object(&io::buffered_reader_type)},
      {"BufferedWriter", Value::object(&io::buffered_writer_type)},
      {"BufferedRandom", Value::object(&io::buffered_random_type)},
      {"BufferedRWPair", Value::object(&io::buffered_rwpair_type)},
      {"TextIOWrapper", Value::object(&io::textiowrapper_type)},
      {"IncrementalNewlineDecoder", Value::object(&io::newline_decoder_type)},
  };
  for (const Entry& e : entries)
    if (module_add(module.get(), e.name, e.value) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
