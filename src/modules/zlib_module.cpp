// zlib: the system zlib library behind CPython 3.11's interface (compress/decompress, the
// Compress and Decompress stream objects, crc32/adler32, the constants). Same library and the same
// calls in the same order, so the compressed bytes equal CPython's.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/builtin_types.h"
#include "runtime/coll_util.h"
#include "runtime/bytes.h"
#include "runtime/descriptors.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/memory.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"

namespace krait::modules {

using namespace runtime;

bool uint32_mask_argument(Value v, uint32_t* out);  // binascii_module.cpp
Value make_module_exception(const char* module, const char* name, TypeObject* base);
bool clinic_positional(const char* fname, size_t nargs, size_t min, size_t max_positional);

namespace {

constexpr int kDefMemLevel = 8;
constexpr int kDefBufSize = 16384;

Value g_error;
TypeObject compress_type, decompress_type;

Value zlib_error(const z_stream& zst, int err, const char* what) {
  const char* zmsg = err == Z_VERSION_ERROR ? "library version mismatch" : zst.msg;
  if (!zmsg) {
    if (err == Z_BUF_ERROR) zmsg = "incomplete or truncated stream";
    else if (err == Z_STREAM_ERROR) zmsg = "inconsistent stream state";
    else if (err == Z_DATA_ERROR) zmsg = "invalid input data";
  }
  std::string message = "Error " + std::to_string(err) + " " + what;
  if (zmsg) message += std::string(": ") + zmsg;
  return raise(static_cast<TypeObject*>(g_error.as_object()), message);
}

bool data_argument(Value v, std::string_view* out) {
  if (!has_buffer(v))
    return raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v))), false;
  return bytes_like_view(v, out);
}

bool int_argument(Value v, int* out, int fallback) {
  if (!v) return *out = fallback, true;
  if (is_float(v)) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer"), false;
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  int64_t i;
  if (!int_to_int64(index.get(), &i)) i = INT64_MAX;
  if (i < INT32_MIN || i > INT32_MAX) return raise(exc::OverflowError, "Python int too large to convert to C int"), false;
  *out = int(i);
  return true;
}

bool size_argument(Value v, int64_t* out, int64_t fallback) {
  if (!v) return *out = fallback, true;
  if (is_float(v)) return raise(exc::TypeError, "'float' object cannot be interpreted as an integer"), false;
  Ref index = Ref::steal(number_index(v));
  if (!index) return false;
  if (!int_to_int64(index.get(), out)) return raise(exc::OverflowError, "Python int too large to convert to C ssize_t"), false;
  return true;
}

// zlib counts input in 32-bit units; krait does not feed bigger inputs in pieces yet.
bool set_input(z_stream& zst, std::string_view data) {
  if (data.size() > 0xffffffffu) return raise(exc::OverflowError, "not implemented: zlib input over 4 GiB in one call"), false;
  zst.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zst.avail_in = uInt(data.size());
  return true;
}

// Makes room for more output: `out` grows (doubling) and zst points at the free part; `limit` > 0
// caps the total. False when the cap is reached.
bool grow_output(z_stream& zst, std::string& out, size_t& used, size_t initial, size_t limit) {
  if (used == out.size()) {
    size_t next = out.empty() ? initial : out.size() * 2;
    if (limit && next > limit) next = limit;
    if (next <= used) return false;
    out.resize(next);
  }
  zst.next_out = reinterpret_cast<Bytef*>(out.data() + used);
  zst.avail_out = uInt(out.size() - used);
  return true;
}

// Runs deflate(flush) over zst's input until the output buffer stops filling.
int run_deflate(z_stream& zst, int flush, std::string& out) {
  size_t used = 0;
  int err;
  do {
    grow_output(zst, out, used, kDefBufSize, 0);
    uInt before = zst.avail_out;
    err = deflate(&zst, flush);
    used += before - zst.avail_out;
    if (err == Z_STREAM_ERROR) break;
  } while (zst.avail_out == 0);
  out.resize(used);
  return err;
}

// --- one-shot functions ---------------------------------------------------------------------

Value compress_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!clinic_positional("compress", nargs, 1, 3)) return Value();
  if (!bind_args({"compress", {"data", "level", "wbits"}, 1, 1}, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  int level, wbits;
  if (!data_argument(a[0], &data) || !int_argument(a[1], &level, Z_DEFAULT_COMPRESSION) ||
      !int_argument(a[2], &wbits, MAX_WBITS))
    return Value();
  z_stream zst{};
  int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
  if (err == Z_MEM_ERROR) return raise(exc::MemoryError, "Out of memory while compressing data");
  if (err == Z_STREAM_ERROR) return raise(static_cast<TypeObject*>(g_error.as_object()), "Bad compression level");
  if (err != Z_OK) {
    deflateEnd(&zst);
    return zlib_error(zst, err, "while compressing data");
  }
  if (!set_input(zst, data)) return deflateEnd(&zst), Value();
  std::string out;
  err = run_deflate(zst, Z_FINISH, out);
  if (err != Z_STREAM_END) {
    Value e = zlib_error(zst, err, "while compressing data");
    deflateEnd(&zst);
    return e;
  }
  err = deflateEnd(&zst);
  if (err != Z_OK) return zlib_error(zst, err, "while finishing compression");
  return bytes_from(out);
}

Value decompress_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!clinic_positional("decompress", nargs, 1, 3)) return Value();
  if (!bind_args({"decompress", {"data", "wbits", "bufsize"}, 1, 1}, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  int wbits;
  int64_t bufsize;
  if (!data_argument(a[0], &data) || !int_argument(a[1], &wbits, MAX_WBITS) ||
      !size_argument(a[2], &bufsize, kDefBufSize))
    return Value();
  if (bufsize < 0) return raise(exc::ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;
  z_stream zst{};
  if (!set_input(zst, data)) return Value();
  int err = inflateInit2(&zst, wbits);
  if (err == Z_MEM_ERROR) return raise(exc::MemoryError, "Out of memory while decompressing data");
  if (err != Z_OK) {
    inflateEnd(&zst);
    return zlib_error(zst, err, "while preparing to decompress data");
  }
  std::string out;
  size_t used = 0;
  do {
    grow_output(zst, out, used, size_t(bufsize), 0);
    uInt before = zst.avail_out;
    err = inflate(&zst, Z_FINISH);
    used += before - zst.avail_out;
    if (err == Z_MEM_ERROR) {
      inflateEnd(&zst);
      return raise(exc::MemoryError, "Out of memory while decompressing data");
    }
    if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) break;
  } while (zst.avail_out == 0 && err != Z_STREAM_END);
  if (err != Z_STREAM_END) {
    Value e = zlib_error(zst, err, "while decompressing data");
    inflateEnd(&zst);
    return e;
  }
  err = inflateEnd(&zst);
  if (err != Z_OK) return zlib_error(zst, err, "while finishing decompression");
  out.resize(used);
  return bytes_from(out);
}

Value checksum(const char* name, const Value* args, size_t nargs, uint32_t start, bool adler) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, "%s expected %s, got %zu", name,
                        nargs < 1 ? "at least 1 argument" : "at most 2 arguments", nargs);
  std::string_view data;
  uint32_t value = start;
  if (!data_argument(args[0], &data)) return Value();
  if (nargs == 2 && !uint32_mask_argument(args[1], &value)) return Value();
  uLong v = value;
  const auto* p = reinterpret_cast<const Bytef*>(data.data());
  for (size_t n = data.size(); n > 0;) {
    uInt chunk = n > 0x40000000 ? 0x40000000 : uInt(n);
    v = adler ? adler32(v, p, chunk) : crc32(v, p, chunk);
    p += chunk;
    n -= chunk;
  }
  return int_from_uint64(v & 0xffffffffu);
}

Value crc32_function(Value, const Value* args, size_t nargs) { return checksum("crc32", args, nargs, 0, false); }
Value adler32_function(Value, const Value* args, size_t nargs) { return checksum("adler32", args, nargs, 1, true); }

// --- Compress -------------------------------------------------------------------------------

struct CompressObject : Object {
  z_stream zst;
  bool initialised;
};

CompressObject* as_comp(Value v) { return static_cast<CompressObject*>(v.as_object()); }

CompressObject* new_comp() {
  auto* c = static_cast<CompressObject*>(allocate_object(&compress_type, sizeof(CompressObject)));
  if (!c) return nullptr;
  c->zst = z_stream{};
  c->initialised = false;
  return c;
}

void comp_dealloc(Object* self) {
  auto* c = static_cast<CompressObject*>(self);
  if (c->initialised) deflateEnd(&c->zst);
  free_object(self);
}

Value compressobj_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[6];
  if (!bind_args({"compressobj", {"level", "method", "wbits", "memLevel", "strategy", "zdict"}, 0, 0}, args, nargs,
                 kwnames, a))
    return Value();
  int level, method, wbits, mem_level, strategy;
  if (!int_argument(a[0], &level, Z_DEFAULT_COMPRESSION) || !int_argument(a[1], &method, Z_DEFLATED) ||
      !int_argument(a[2], &wbits, MAX_WBITS) || !int_argument(a[3], &mem_level, kDefMemLevel) ||
      !int_argument(a[4], &strategy, Z_DEFAULT_STRATEGY))
    return Value();
  std::string_view zdict;
  bool has_zdict = !a[5].is_null();
  if (has_zdict && !data_argument(a[5], &zdict)) return Value();
  CompressObject* c = new_comp();
  if (!c) return Value();
  Ref self = Ref::steal(Value::object(c));
  int err = deflateInit2(&c->zst, level, method, wbits, mem_level, strategy);
  if (err == Z_MEM_ERROR) return raise(exc::MemoryError, "Can't allocate memory for compression object");
  if (err == Z_STREAM_ERROR) return raise(exc::ValueError, "Invalid initialization option");
  if (err != Z_OK) return zlib_error(c->zst, err, "while creating compression object");
  c->initialised = true;
  if (has_zdict) {
    err = deflateSetDictionary(&c->zst, reinterpret_cast<const Bytef*>(zdict.data()), uInt(zdict.size()));
    if (err != Z_OK) return raise(exc::ValueError, "Invalid dictionary");
  }
  return self.release();
}

Value comp_compress(Value self, const Value* args, size_t nargs) {
  if (nargs != 1) return raise_format(exc::TypeError, "compress() takes exactly 1 positional argument (%zu given)", nargs);
  Value data = args[0];
  std::string_view view;
  if (!data_argument(data, &view)) return Value();
  CompressObject* c = as_comp(self);
  if (!set_input(c->zst, view)) return Value();
  std::string out;
  int err = run_deflate(c->zst, Z_NO_FLUSH, out);
  if (err == Z_STREAM_ERROR) return zlib_error(c->zst, err, "while compressing data");
  return bytes_from(out);
}

Value comp_flush(Value self, const Value* args, size_t nargs) {
  if (nargs > 1) return raise_format(exc::TypeError, "flush expected at most 1 argument, got %zu", nargs);
  int mode;
  if (!int_argument(nargs ? args[0] : Value(), &mode, Z_FINISH)) return Value();
  if (mode == Z_NO_FLUSH) return bytes_empty();
  CompressObject* c = as_comp(self);
  c->zst.avail_in = 0;
  std::string out;
  int err = run_deflate(c->zst, mode, out);
  if (err == Z_STREAM_ERROR) return zlib_error(c->zst, err, "while flushing");
  if (err == Z_STREAM_END && mode == Z_FINISH) {
    err = deflateEnd(&c->zst);
    c->initialised = false;
    if (err != Z_OK) return zlib_error(c->zst, err, "while finishing compression");
  } else if (err != Z_OK && err != Z_BUF_ERROR) {
    return zlib_error(c->zst, err, "while flushing");
  }
  return bytes_from(out);
}

Value comp_copy(Value self) {
  CompressObject* c = as_comp(self);
  if (!c->initialised) return raise(exc::ValueError, "Inconsistent stream state");
  CompressObject* copy = new_comp();
  if (!copy) return Value();
  Ref result = Ref::steal(Value::object(copy));
  int err = deflateCopy(&copy->zst, &c->zst);
  if (err == Z_STREAM_ERROR) return raise(exc::ValueError, "Inconsistent stream state");
  if (err == Z_MEM_ERROR) return raise(exc::MemoryError, "Can't allocate memory for compression object");
  if (err != Z_OK) return zlib_error(c->zst, err, "while copying compression object");
  copy->initialised = true;
  return result.release();
}

Value comp_deepcopy(Value self, Value) { return comp_copy(self); }

// --- Decompress -----------------------------------------------------------------------------

struct DecompressObject : Object {
  z_stream zst;
  bool initialised;
  bool eof;
  Value unused_data;
  Value unconsumed_tail;
  Value zdict;  // null when none was given
};

DecompressObject* as_decomp(Value v) { return static_cast<DecompressObject*>(v.as_object()); }

DecompressObject* new_decomp() {
  auto* d = static_cast<DecompressObject*>(allocate_object(&decompress_type, sizeof(DecompressObject)));
  if (!d) return nullptr;
  d->zst = z_stream{};
  d->initialised = false;
  d->eof = false;
  d->unused_data = bytes_empty();
  d->unconsumed_tail = bytes_empty();
  d->zdict = Value();
  return d;
}

void decomp_dealloc(Object* self) {
  auto* d = static_cast<DecompressObject*>(self);
  if (d->initialised) inflateEnd(&d->zst);
  xdecref(d->unused_data);
  xdecref(d->unconsumed_tail);
  xdecref(d->zdict);
  free_object(self);
}

int set_inflate_zdict(DecompressObject* d) {
  std::string_view zdict;
  if (!bytes_like_view(d->zdict, &zdict)) return -1;
  int err = inflateSetDictionary(&d->zst, reinterpret_cast<const Bytef*>(zdict.data()), uInt(zdict.size()));
  if (err != Z_OK) return zlib_error(d->zst, err, "while setting zdict"), -1;
  return 0;
}

Value decompressobj_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!bind_args({"decompressobj", {"wbits", "zdict"}, 0, 0}, args, nargs, kwnames, a)) return Value();
  int wbits;
  if (!int_argument(a[0], &wbits, MAX_WBITS)) return Value();
  if (a[1] && !has_buffer(a[1])) return raise(exc::TypeError, "zdict argument must support the buffer protocol");
  DecompressObject* d = new_decomp();
  if (!d) return Value();
  Ref self = Ref::steal(Value::object(d));
  if (a[1]) d->zdict = new_ref(a[1]);
  int err = inflateInit2(&d->zst, wbits);
  if (err == Z_STREAM_ERROR) return raise(exc::ValueError, "Invalid initialization option");
  if (err == Z_MEM_ERROR) return raise(exc::MemoryError, "Can't allocate memory for decompression object");
  if (err != Z_OK) return zlib_error(d->zst, err, "while creating decompression object");
  d->initialised = true;
  if (d->zdict && wbits < 0 && set_inflate_zdict(d) < 0) return Value();
  return self.release();
}

// Keeps the input zlib did not read (of `data`): after the end of the stream in unused_data;
// in unconsumed_tail when the output limit was reached, or when one was kept before (3.11 keeps
// the bytes after the end there too in that case).
int save_unconsumed_input(DecompressObject* d, std::string_view data, int err) {
  if (err == Z_STREAM_END) {
    if (d->zst.avail_in > 0) {
      std::string joined(bytes_view(d->unused_data));
      joined.append(reinterpret_cast<const char*>(d->zst.next_in), d->zst.avail_in);
      Value v = bytes_from(joined);
      if (!v) return -1;
      decref(d->unused_data);
      d->unused_data = v;
    }
    d->zst.avail_in = 0;
  }
  if (d->zst.avail_in > 0 || bytes_size(d->unconsumed_tail) > 0) {
    const char* next = reinterpret_cast<const char*>(d->zst.next_in);
    Value v = bytes_from(std::string_view(next, size_t(data.data() + data.size() - next)));
    if (!v) return -1;
    decref(d->unconsumed_tail);
    d->unconsumed_tail = v;
  }
  return 0;
}

// inflate over the input already set, `flush` mode, output capped at `limit` bytes (0: none).
// Returns zlib's last status, or INT32_MIN with a Python error set.
int run_inflate(DecompressObject* d, int flush, std::string& out, size_t initial, size_t limit) {
  size_t used = 0;
  int err = Z_OK;
  do {
    if (!grow_output(d->zst, out, used, initial, limit)) break;
    uInt before = d->zst.avail_out;
    err = inflate(&d->zst, flush);
    used += before - d->zst.avail_out;
    if (err == Z_NEED_DICT && d->zdict) {
      if (set_inflate_zdict(d) < 0) return INT32_MIN;
      continue;  // inflate again with the dictionary
    }
    if (err != Z_OK && err != Z_BUF_ERROR) break;
  } while (d->zst.avail_out == 0 || err == Z_NEED_DICT);
  out.resize(used);
  return err;
}

Value decomp_decompress(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[2];
  if (!clinic_positional("decompress", nargs, 1, 2)) return Value();
  if (!bind_args({"decompress", {"data", "max_length"}, 1, 1}, args, nargs, kwnames, a)) return Value();
  std::string_view data;
  int64_t max_length;
  if (!data_argument(a[0], &data) || !size_argument(a[1], &max_length, 0)) return Value();
  if (max_length < 0) return raise(exc::ValueError, "max_length must be non-negative");
  DecompressObject* d = as_decomp(self);
  if (!set_input(d->zst, data)) return Value();
  size_t limit = size_t(max_length);
  size_t initial = limit && limit < kDefBufSize ? limit : kDefBufSize;
  std::string out;
  int err = run_inflate(d, Z_SYNC_FLUSH, out, initial, limit);
  if (err == INT32_MIN) return Value();
  if (save_unconsumed_input(d, data, err) < 0) return Value();
  if (err == Z_STREAM_END) d->eof = true;
  else if (err != Z_OK && err != Z_BUF_ERROR) return zlib_error(d->zst, err, "while decompressing data");
  return bytes_from(out);
}

Value decomp_flush(Value self, const Value* args, size_t nargs) {
  if (nargs > 1) return raise_format(exc::TypeError, "flush expected at most 1 argument, got %zu", nargs);
  int64_t length;
  if (!size_argument(nargs ? args[0] : Value(), &length, kDefBufSize)) return Value();
  if (length <= 0) return raise(exc::ValueError, "length must be greater than zero");
  DecompressObject* d = as_decomp(self);
  Ref tail = Ref::borrow(d->unconsumed_tail);  // the input, kept alive while zlib reads it
  if (!set_input(d->zst, bytes_view(tail.get()))) return Value();
  std::string out;
  int err = run_inflate(d, Z_FINISH, out, size_t(length), 0);
  if (err == INT32_MIN) return Value();
  if (save_unconsumed_input(d, bytes_view(tail.get()), err) < 0) return Value();
  if (err == Z_STREAM_END) {
    d->eof = true;
    d->initialised = false;
    err = inflateEnd(&d->zst);
    if (err != Z_OK) return zlib_error(d->zst, err, "while finishing decompression");
  }
  return bytes_from(out);
}

Value decomp_copy(Value self) {
  DecompressObject* d = as_decomp(self);
  if (!d->initialised) return raise(exc::ValueError, "Inconsistent stream state");
  DecompressObject* copy = new_decomp();
  if (!copy) return Value();
  Ref result = Ref::steal(Value::object(copy));
  int err = inflateCopy(&copy->zst, &d->zst);
  if (err == Z_STREAM_ERROR) return raise(exc::ValueError, "Inconsistent stream state");
  if (err == Z_MEM_ERROR) return raise(exc::MemoryError, "Can't allocate memory for decompression object");
  if (err != Z_OK) return zlib_error(d->zst, err, "while copying decompression object");
  copy->initialised = true;
  copy->eof = d->eof;
  decref(copy->unused_data);
  copy->unused_data = new_ref(d->unused_data);
  decref(copy->unconsumed_tail);
  copy->unconsumed_tail = new_ref(d->unconsumed_tail);
  if (d->zdict) copy->zdict = new_ref(d->zdict);
  return result.release();
}

Value decomp_deepcopy(Value self, Value) { return decomp_copy(self); }


// --- module ---------------------------------------------------------------------------------

#define M(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef comp_methods[] = {
    M("compress", comp_compress, Fast),
    M("flush", comp_flush, Fast),
    M("copy", comp_copy, NoArgs),
    M("__copy__", comp_copy, NoArgs),
    M("__deepcopy__", comp_deepcopy, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MethodDef decomp_methods[] = {
    M("decompress", decomp_decompress, FastKeywords),
    M("flush", decomp_flush, Fast),
    M("copy", decomp_copy, NoArgs),
    M("__copy__", decomp_copy, NoArgs),
    M("__deepcopy__", decomp_deepcopy, OneArg),
    {nullptr, nullptr, MethodKind::NoArgs},
};
const MemberDef decomp_members[] = {
    {"unused_data", MemberKind::Object, offsetof(DecompressObject, unused_data), true},
    {"unconsumed_tail", MemberKind::Object, offsetof(DecompressObject, unconsumed_tail), true},
    {"eof", MemberKind::Bool, offsetof(DecompressObject, eof), true},
    {nullptr, MemberKind::Object, 0},
};
const MethodDef module_functions[] = {
    M("adler32", adler32_function, Fast),
    M("compress", compress_function, FastKeywords),
    M("compressobj", compressobj_function, FastKeywords),
    M("crc32", crc32_function, Fast),
    M("decompress", decompress_function, FastKeywords),
    M("decompressobj", decompressobj_function, FastKeywords),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef M

void init_type(TypeObject& t, const char* name, const char* qualname, size_t size, DeallocFunc dealloc) {
  coll::init_static_type(t, name, size, 0);
  t.qualname = qualname;
  t.dealloc = dealloc;
}

int init_types() {
  static bool done = false;
  if (done) return 0;
  init_type(compress_type, "zlib.Compress", "Compress", sizeof(CompressObject), comp_dealloc);
  add_methods(&compress_type, comp_methods);
  init_type(decompress_type, "zlib.Decompress", "Decompress", sizeof(DecompressObject), decomp_dealloc);
  add_methods(&decompress_type, decomp_methods);
  add_members(&decompress_type, decomp_members);
  for (TypeObject* t : {&compress_type, &decompress_type})
    if (type_ready(t) < 0) return -1;
  done = true;
  return 0;
}

}  // namespace

Value create_zlib_module() {
  if (init_types() < 0) return Value();
  if (!g_error) {
    g_error = make_module_exception("zlib", "error", exc::Exception);
    if (!g_error) return Value();
  }
  Ref module = Ref::steal(module_new("zlib"));
  if (!module) return Value();
  if (module_add_functions(module.get(), module_functions) < 0) return Value();
  if (module_add(module.get(), "error", g_error) < 0) return Value();
  const struct {
    const char* name;
    int value;
  } constants[] = {
      {"MAX_WBITS", MAX_WBITS},     {"DEFLATED", Z_DEFLATED},
      {"DEF_MEM_LEVEL", kDefMemLevel}, {"DEF_BUF_SIZE", kDefBufSize},
      {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
      {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION}, {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
      {"Z_FILTERED", Z_FILTERED},   {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
      {"Z_RLE", Z_RLE},             {"Z_FIXED", Z_FIXED},
      {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH},
      {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH}, {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
      {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH},
      {"Z_BLOCK", Z_BLOCK},         {"Z_TREES", Z_TREES},
  };
  for (const auto& c : constants) {
    Ref v = Ref::steal(int_from_int64(c.value));
    if (!v || module_add(module.get(), c.name, v.get()) < 0) return Value();
  }
  Ref version = Ref::steal(str_from_ascii(ZLIB_VERSION));
  Ref runtime_version = Ref::steal(str_from_ascii(zlibVersion()));
  if (!version || !runtime_version) return Value();
  if (module_add(module.get(), "ZLIB_VERSION", version.get()) < 0) return Value();
  if (module_add(module.get(), "ZLIB_RUNTIME_VERSION", runtime_version.get()) < 0) return Value();
  return module.release();
}

}  // namespace krait::modules
