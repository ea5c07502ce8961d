#include "vm/pyc.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "bytecode/marshal.h"
#include "bytecode/marshal_io.h"
#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/import.h"

namespace krait::vm {

using namespace runtime;

namespace {

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

uint32_t get_u32(std::string_view data, size_t at) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= uint32_t(static_cast<unsigned char>(data[at + i])) << (8 * i);
  return v;
}

std::string magic_of(uint16_t number) {
  std::string m;
  m += static_cast<char>(number & 0xff);
  m += static_cast<char>(number >> 8);
  m += "\r\n";
  return m;
}

uint32_t checksum(std::string_view body) {
  return static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
}

// What is wrong with a .pyc (nothing when kind is None), found without raising.
struct PycProblem {
  enum Kind { None, BadMagic, ShortHeader, BadFlags, BadChecksum } kind = None;
  uint32_t flags = 0;
};

PycProblem inspect_pyc(std::string_view data, std::string_view* body, PycOrigin* origin) {
  PycProblem p;
  std::string_view magic = data.substr(0, 4);
  bool krait = magic == magic_of(kPycMagicNumber);
  if (!krait && magic != magic_of(kCPythonMagicNumber)) return {PycProblem::BadMagic};
  if (data.size() < kPycHeaderSize) return {PycProblem::ShortHeader};
  p.flags = get_u32(data, 4);
  if (p.flags & ~3u) {
    p.kind = PycProblem::BadFlags;
    return p;
  }
  std::string_view rest = data.substr(kPycHeaderSize);
  if (krait) {
    if (rest.size() < kPycTrailerSize) return {PycProblem::BadChecksum};
    rest.remove_suffix(kPycTrailerSize);
    if (checksum(rest) != get_u32(data, data.size() - kPycTrailerSize)) return {PycProblem::BadChecksum};
  }
  if (body) *body = rest;
  if (origin) *origin = krait ? PycOrigin::Krait : PycOrigin::CPython;
  return p;
}

// ImportError(message, **exc_details): importlib passes the module's name and the file's path.
int raise_pyc_error(const std::string& message, Value exc_details) {
  Ref msg = Ref::steal(str_from_utf8(message));
  if (!msg) return -1;
  bool details = exc_details && is_dict(exc_details);
  Value name = details ? dict_get_item_str(exc_details, "name") : Value();
  Value path = details ? dict_get_item_str(exc_details, "path") : Value();
  vm::raise_import_error(msg.get(), name ? name : none(), path ? path : none());
  return -1;
}

// A bytes copy of a bytes-like object (new reference), or null + TypeError.
Value bytes_from_buffer(Value v) {
  std::string_view view;
  if (!bytes_like_view(v, &view))
    return raise_format(exc::TypeError, "a bytes-like object is required, not '%s'", type_name(type_of(v)));
  return bytes_from(view);
}

Value raise_marshal_error(const bytecode::MarshalError& error) {
  TypeObject* type = exc::ValueError;
  switch (error.type) {
    case bytecode::MarshalError::Type::EOFError: type = exc::EOFError; break;
    case bytecode::MarshalError::Type::TypeError: type = exc::TypeError; break;
    case bytecode::MarshalError::Type::NotImplemented: type = exc::NotImplementedError; break;
    default: break;
  }
  return raise(type, error.message);
}

Value code_from_body(std::string_view body) {
  bytecode::MarshalError error;
  auto data = bytecode::marshal_loads_code(body, error);
  if (!data) return raise_marshal_error(error);
  // Bytes can say anything: each code object is checked before it first runs (code_verify.h).
  Value code = code_from_data(data);
  if (code) mark_unverified(code);
  return code;
}

bool read_whole_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return bool(in) || in.eof();
}

// Writes `data` to `path` through a temporary file and a rename, so a reader never sees a
// partly written file. Failures are silent: a cache that cannot be written is not an error.
void write_atomically(const std::string& path, std::string_view data) {
  std::string tmp = path + "." + std::to_string(getpid()) + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) return;
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n <= 0) break;
    done += size_t(n);
  }
  bool ok = ::close(fd) == 0 && done == data.size();
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

std::string executable_dir() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  std::string p(buf, size_t(n));
  return p.substr(0, p.rfind('/'));
}

// --- the functions importlib._bootstrap_external gets -----------------------------------------

// _classify_pyc(data, name, exc_details) -> flags
Value classify_pyc(Value, const Value* args, size_t nargs) {
  if (nargs != 3) return raise_format(exc::TypeError, "_classify_pyc() takes 3 arguments (%zu given)", nargs);
  std::string_view data;  // read in place: nothing runs that could change it
  if (!bytes_like_view(args[0], &data)) return Value();
  std::string_view body;
  if (pyc_check(data, args[1], args[2], &body) < 0) return Value();
  return int_from_int64(get_u32(data, 4));
}

// The marshalled body of a .pyc for `code` (false + error when it cannot be dumped). importlib's
// marshal.dumps(code) sees a code object its caller also holds: CPython flags it (FLAG_REF,
// back-reference 0), as in every CPython .pyc, so the body is CPython's byte for byte.
bool pyc_body(Value code, std::string* body) {
  std::shared_ptr<const bytecode::CodeData> data = code_marshal_data(code);
  if (!data) {
    raise(exc::NotImplementedError, "not implemented: marshal of a code object without compiler data");
    return false;
  }
  bytecode::MarshalWriter out(bytecode::kMarshalVersion);
  int flag = out.add_ref(uint64_t(reinterpret_cast<uintptr_t>(code.as_object())));
  bytecode::MarshalError error;
  if (!bytecode::marshal_dump_code_into(out, *data, flag, 0, error)) {
    raise_marshal_error(error);
    return false;
  }
  *body = out.take();
  return true;
}

Value pyc_bytes(Value code, uint32_t flags, std::string_view key8) {
  if (!is_code(code)) return raise_format(exc::TypeError, "marshal.dumps() of %s: a code object is required", type_name(type_of(code)));
  std::string body;
  if (!pyc_body(code, &body)) return Value();
  return bytes_from(pyc_build(flags, key8, body));
}

// importlib's _pack_uint32: int(x) & 0xFFFFFFFF (py_compile passes a float mtime).
bool uint32_of(Value v, uint32_t* out) {
  Value int_class = Value::object(&int_type);
  Ref index = Ref::steal(call(int_class, &v, 1, Value()));
  Ref mask = Ref::steal(int_from_int64(0xFFFFFFFF));
  Ref masked = index ? Ref::steal(binary_op(index.get(), mask.get(), BinaryOp::And)) : Ref();
  if (!masked) return false;
  int64_t x = 0;
  if (!int_to_int64(masked.get(), &x)) return false;
  *out = static_cast<uint32_t>(x);
  return true;
}

// _code_to_timestamp_pyc(code, mtime=0, source_size=0)
Value code_to_timestamp_pyc(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bind_args({"_code_to_timestamp_pyc", {"code", "mtime", "source_size"}, 0, 1}, args, nargs, kwnames, a))
    return Value();
  uint32_t mtime = 0, size = 0;
  if ((a[1] && !uint32_of(a[1], &mtime)) || (a[2] && !uint32_of(a[2], &size))) return Value();
  std::string key;
  put_u32(key, mtime);
  put_u32(key, size);
  return pyc_bytes(a[0], 0, key);
}

// _code_to_hash_pyc(code, source_hash, checked=True)
Value code_to_hash_pyc(Value, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!bind_args({"_code_to_hash_pyc", {"code", "source_hash", "checked"}, 0, 2}, args, nargs, kwnames, a))
    return Value();
  Ref hash = Ref::steal(bytes_from_buffer(a[1]));
  if (!hash) return Value();
  if (bytes_size(hash.get()) != 8) return raise(exc::AssertionError, "");
  int checked = a[2] ? is_true(a[2]) : 1;
  if (checked < 0) return Value();
  return pyc_bytes(a[0], 1u | (checked ? 2u : 0u), bytes_view(hash.get()));
}

const MethodDef kPycFunctions[] = {
    {"_classify_pyc", (void*)classify_pyc, MethodKind::Fast},
    {"_code_to_timestamp_pyc", (void*)code_to_timestamp_pyc, MethodKind::FastKeywords},
    {"_code_to_hash_pyc", (void*)code_to_hash_pyc, MethodKind::FastKeywords},
    {nullptr, nullptr, MethodKind::NoArgs},
};

}  // namespace

std::string pyc_magic() { return magic_of(kPycMagicNumber); }

std::string pyc_build(uint32_t flags, std::string_view key8, std::string_view body) {
  std::string out = pyc_magic();
  put_u32(out, flags);
  out.append(key8.substr(0, 8));
  out.append(body);
  put_u32(out, checksum(body));
  return out;
}

int pyc_check(std::string_view data, Value name, Value exc_details, std::string_view* body, PycOrigin* origin) {
  PycProblem p = inspect_pyc(data, body, origin);
  if (p.kind == PycProblem::None) return 0;
  std::string shown = repr_utf8(name);
  switch (p.kind) {
    case PycProblem::None: return 0;
    case PycProblem::BadMagic: {
      Ref magic = Ref::steal(bytes_from(data.substr(0, 4)));
      return raise_pyc_error("bad magic number in " + shown + ": " + repr_utf8(magic.get()), exc_details);
    }
    case PycProblem::ShortHeader:
      raise(exc::EOFError, "reached EOF while reading pyc header of " + shown);
      return -1;
    case PycProblem::BadFlags:
      return raise_pyc_error("invalid flags " + std::to_string(p.flags) + " in " + shown, exc_details);
    case PycProblem::BadChecksum:
      return raise_pyc_error("bad checksum in " + shown + ": the cached bytecode is damaged or truncated", exc_details);
  }
  return 0;
}

Value load_cached_source_code(const std::string& path, const std::string& shown_as, const std::string& cache_name) {
  std::string source;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !read_whole_file(path, &source))
    return raise_format(exc::ImportError, "krait cannot read %s (the CPython standard library it runs on)", path.c_str());
  std::string dir = executable_dir() + "/krait-frozen";
  std::string cache = dir + "/" + cache_name + ".krait-311.pyc";
  std::string key;
  put_u32(key, static_cast<uint32_t>(st.st_mtime));
  put_u32(key, static_cast<uint32_t>(st.st_size));
  std::string cached;
  std::string_view body;
  if (read_whole_file(cache, &cached) && inspect_pyc(cached, &body, nullptr).kind == PycProblem::None &&
      get_u32(cached, 4) == 0 && std::string_view(cached).substr(8, 8) == key) {
    Value code = code_from_body(body);
    if (code) return code;
    clear_error();
  }
  Ref text = Ref::steal(bytes_from(source));
  if (!text) return Value();
  Ref code = Ref::steal(modules::compile_exec_source(text.get(), shown_as));
  if (!code) return Value();
  std::string dumped;
  if (pyc_body(code.get(), &dumped)) {
    ::mkdir(dir.c_str(), 0755);
    write_atomically(cache, pyc_build(0, key, dumped));
  } else {
    clear_error();  // the cache is an optimization: a code object that cannot be dumped still runs
  }
  return code.release();
}

int install_pyc_format(Value external) {
  Ref magic = Ref::steal(bytes_from(pyc_magic()));
  Ref raw = Ref::steal(int_from_int64(get_u32(pyc_magic(), 0)));
  if (!magic || !raw || module_add(external, "MAGIC_NUMBER", magic.get()) < 0 ||
      module_add(external, "_RAW_MAGIC_NUMBER", raw.get()) < 0)
    return -1;
  return module_add_functions(external, kPycFunctions);
}

Value code_from_pyc(std::string_view data, const std::string& path) {
  std::string_view body;
  PycProblem p = inspect_pyc(data, &body, nullptr);
  if (p.kind == PycProblem::BadMagic) return raise(exc::RuntimeError, "Bad magic number in .pyc file");
  if (p.kind != PycProblem::None) return raise(exc::RuntimeError, "Bad code object in .pyc file");
  Value code = code_from_body(body);
  if (!code) {
    clear_error();
    return raise(exc::RuntimeError, "Bad code object in .pyc file");
  }
  return code;
}

}  // namespace krait::vm
