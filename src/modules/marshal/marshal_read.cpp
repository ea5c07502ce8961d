// marshal.loads / marshal.load into runtime values: CPython 3.11's reader, with its errors in its
// order. Nothing is allocated from a length read in the data before the bytes are there: lists
// and dicts grow as their items are read, a tuple is allocated up front only when the input
// can hold it, and nesting stops at 2000 levels.
#include <algorithm>
#include <string>
#include <vector>

#include "bytecode/marshal_codes.h"
#include "bytecode/marshal_io.h"
#include "modules/marshal/marshal_internal.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/number_util.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"

namespace krait::modules::marshal {

using namespace runtime;
using bytecode::MarshalError;
namespace mc = bytecode::marshal_code;

namespace {

constexpr int64_t kSize32Max = bytecode::kMarshalSize32Max;
// A file is read in pieces of at most this size, so a forged length costs nothing until the
// bytes actually arrive (CPython asks for the whole length at once).
constexpr size_t kFileChunk = size_t(1) << 20;

Value raise_marshal_error(const MarshalError& e) {
  switch (e.type) {
    case MarshalError::Type::EOFError: return raise(exc::EOFError, e.message);
    case MarshalError::Type::TypeError: return raise(exc::TypeError, e.message);
    case MarshalError::Type::NotImplemented: return raise(exc::NotImplementedError, e.message);
    default: return raise(exc::ValueError, e.message);
  }
}

Value bad(const char* what) { return raise(exc::ValueError, std::string("bad marshal data (") + what + ")"); }

// UnicodeDecodeError('utf-8', data, start, end, reason), as CPython's decoder raises it.
Value raise_decode_error(std::string_view data, const bytecode::MarshalUtf8Error& e) {
  Ref args[5] = {Ref::steal(str_from_ascii("utf-8")), Ref::steal(bytes_from(data)),
                 Ref::steal(int_from_int64(static_cast<int64_t>(e.start))),
                 Ref::steal(int_from_int64(static_cast<int64_t>(e.end))), Ref::steal(str_from_ascii(e.reason))};
  Value values[5];
  for (int i = 0; i < 5; ++i) {
    if (!args[i]) return Value();
    values[i] = args[i].get();
  }
  Ref error = Ref::steal(call(Value::object(exc::UnicodeDecodeError), values, 5));
  if (!error) return Value();
  set_exception(error.get());
  return Value();
}

class ValueReader {
 public:
  // From memory (loads) or from a file object's readinto (load).
  explicit ValueReader(std::string_view data) : data_(data) {}
  explicit ValueReader(Value file) : file_(file) {}

  // One object (new reference); null with an exception set, or null without one for the NULL
  // code '0' (the caller reports it, as CPython's containers do).
  Value read_object() {
    int code = r_byte();
    if (code < 0) return eof_replaced();
    if (++depth_ > bytecode::kMaxMarshalDepth) {
      --depth_;
      return raise(exc::ValueError, "recursion limit exceeded");
    }
    bool flag = (code & mc::FlagRef) != 0;
    Value result = read_typed(static_cast<char>(code & ~mc::FlagRef), flag);
    --depth_;
    return result;
  }

 private:
  // --- input ------------------------------------------------------------------------------
  // A byte, or -1 at the end (from a file: with EOFError set) or on a file error.
  int r_byte() {
    if (file_.is_null()) return pos_ < data_.size() ? static_cast<unsigned char>(data_[pos_++]) : -1;
    std::string_view b;
    if (!r_bytes(1, b)) return -1;
    return static_cast<unsigned char>(b[0]);
  }

  // The next n bytes (valid until the next read), or false with EOFError / the file's error.
  bool r_bytes(size_t n, std::string_view& out) {
    if (file_.is_null()) {
      if (n > data_.size() - pos_) {
        raise(exc::EOFError, "marshal data too short");
        return false;
      }
      out = data_.substr(pos_, n);
      pos_ += n;
      return true;
    }
    buffer_.clear();
    while (buffer_.size() < n || n == 0) {
      size_t want = std::min(n - buffer_.size(), kFileChunk);
      if (!read_into(want)) return false;
      if (n == 0) break;
    }
    out = buffer_;
    return true;
  }

  // file.readinto(bytearray of `want` bytes), appended to buffer_; CPython's errors when the
  // file returns another count.
  bool read_into(size_t want) {
    Ref buf = Ref::steal(bytearray_from(std::string(want, '\0')));
    if (!buf) return false;
    Value arg = buf.get();
    Ref result = Ref::steal(call_method(file_, "readinto", &arg, 1));
    if (!result) return false;
    int64_t got = as_ssize(result.get());
    if (got == -1 && error_occurred()) {
      if (error_matches(exc::OverflowError)) {
        clear_error();
        raise_format(exc::ValueError, "cannot fit '%s' into an index-sized integer", type_of(result.get())->name.c_str());
      }
      return false;
    }
    if (got != static_cast<int64_t>(want)) {
      if (got > static_cast<int64_t>(want)) {
        raise_format(exc::ValueError, "read() returned too much data.  %zu bytes requested, %lld returned", want,
                     static_cast<long long>(got));
      } else {
        raise(exc::EOFError, "EOF read where not expected");
      }
      return false;
    }
    std::string_view view = bytearray_view(buf.get());
    buffer_.append(view.substr(0, want));
    return true;
  }

  // How many bytes are left, when known (memory), else SIZE_MAX.
  size_t remaining() const { return file_.is_null() ? data_.size() - pos_ : SIZE_MAX; }

  bool r_long(int64_t& out) {
    std::string_view b;
    if (!r_bytes(4, b)) return false;
    out = bytecode::marshal_decode_long(b.data());
    return true;
  }

  bool r_double(double& out) {
    std::string_view b;
    if (!r_bytes(8, b)) return false;
    out = bytecode::marshal_decode_double(b.data());
    return true;
  }

  bool r_float_text(double& out) {
    int n = r_byte();
    if (n < 0) {
      eof_replaced();
      return false;
    }
    std::string_view b;
    if (!r_bytes(static_cast<size_t>(n), b)) return false;
    MarshalError error;
    if (!bytecode::marshal_parse_float_text(b, out, error)) {
      raise_marshal_error(error);
      return false;
    }
    return true;
  }

  // --- the reference table ------------------------------------------------------------------
  Value remember(Value v, bool flag) {
    if (flag && v) refs_.push_back(Ref::borrow(v));
    return v;
  }
  // A slot for an object registered only once complete (code objects, frozensets): a
  // reference to it before then is invalid, as CPython's placeholder is.
  size_t reserve(bool flag) {
    if (!flag) return SIZE_MAX;
    refs_.emplace_back();
    return refs_.size() - 1;
  }
  Value fill(size_t slot, Value v) {
    if (slot != SIZE_MAX && v) refs_[slot] = Ref::borrow(v);
    return v;
  }

  // --- objects ------------------------------------------------------------------------------
  Value read_typed(char type, bool flag) {
    switch (type) {
      case mc::Null: return Value();
      case mc::None: return new_ref(none());
      case mc::StopIter: return new_ref(Value::object(exc::StopIteration));
      case mc::Ellipsis: return new_ref(ellipsis());
      case mc::False: return new_ref(false_value());
      case mc::True: return new_ref(true_value());
      case mc::Int: {
        int64_t v;
        if (!r_long(v)) return Value();
        return remember(int_from_int64(v), flag);
      }
      case mc::Int64: {  // written by versions before 2.5 on 64-bit machines
        std::string_view b;
        if (!r_bytes(8, b)) return Value();
        return remember(int_from_int64(bytecode::marshal_decode_int64(b.data())), flag);
      }
      case mc::Long: return read_long(flag);
      case mc::Float: {
        double d;
        if (!r_float_text(d)) return Value();
        return remember(float_from_double(d), flag);
      }
      case mc::BinaryFloat: {
        double d;
        if (!r_double(d)) return Value();
        return remember(float_from_double(d), flag);
      }
      case mc::Complex: {
        double re, im;
        if (!r_float_text(re) || !r_float_text(im)) return Value();
        return remember(complex_from_doubles(re, im), flag);
      }
      case mc::BinaryComplex: {
        double re, im;
        if (!r_double(re) || !r_double(im)) return Value();
        return remember(complex_from_doubles(re, im), flag);
      }
      case mc::String: {
        int64_t n;
        if (!r_long(n)) return Value();
        if (n < 0 || n > kSize32Max) return bad("bytes object size out of range");
        std::string_view b;
        if (!r_bytes(static_cast<size_t>(n), b)) return Value();
        return remember(bytes_from(b), flag);
      }
      case mc::Unicode:
      case mc::Interned: return read_unicode(type == mc::Interned, flag);
      case mc::Ascii:
      case mc::AsciiInterned: {
        int64_t n;
        if (!r_long(n)) return Value();
        if (n < 0 || n > kSize32Max) return bad("string size out of range");
        return read_ascii(static_cast<size_t>(n), type == mc::AsciiInterned, flag);
      }
      case mc::ShortAscii:
      case mc::ShortAsciiInterned: {
        int n = r_byte();
        if (n < 0) return eof_replaced();
        return read_ascii(static_cast<size_t>(n), type == mc::ShortAsciiInterned, flag);
      }
      case mc::Tuple: {
        int64_t n;
        if (!r_long(n)) return Value();
        if (n < 0 || n > kSize32Max) return bad("tuple size out of range");
        return read_tuple(static_cast<size_t>(n), flag);
      }
      case mc::SmallTuple: {
        int n = r_byte();
        if (n < 0) return eof_object_expected();
        return read_tuple(static_cast<size_t>(n), flag);
      }
      case mc::List: return read_list(flag);
      case mc::Dict: return read_dict(flag);
      case mc::Set:
      case mc::FrozenSet: return read_set(type == mc::FrozenSet, flag);
      case mc::Code: return read_code(flag);
      case mc::Ref: {
        int64_t n;
        if (!r_long(n)) return Value();
        if (n < 0 || static_cast<size_t>(n) >= refs_.size() || !refs_[static_cast<size_t>(n)]) {
          return bad("invalid reference");
        }
        return new_ref(refs_[static_cast<size_t>(n)].get());
      }
      default: return bad("unknown type code");
    }
  }

  // A length byte missing where CPython replaces whatever the read reported.
  Value eof_replaced() {
    clear_error();
    return raise(exc::EOFError, "EOF read where object expected");
  }

  // A length byte missing: from memory CPython reads on and finds no object; from a file the
  // read already failed with "EOF read where not expected".
  Value eof_object_expected() {
    if (file_.is_null()) return raise(exc::EOFError, "EOF read where object expected");
    return Value();
  }

  [[gnu::noinline]] Value read_long(bool flag) {
    int64_t n;
    if (!r_long(n)) return Value();
    if (n < -kSize32Max || n > kSize32Max) return bad("long size out of range");
    size_t count = static_cast<size_t>(n < 0 ? -n : n);
    bytecode::MarshalDigits digits;
    MarshalError error;
    for (size_t i = 0; i < count; ++i) {
      std::string_view b;
      if (!r_bytes(2, b)) return Value();
      if (!digits.add(b.data(), i + 1 == count, error)) return raise_marshal_error(error);
    }
    return remember(int_from_mpz(digits.value(n < 0)), flag);
  }

  [[gnu::noinline]] Value read_unicode(bool interned, bool flag) {
    int64_t n;
    if (!r_long(n)) return Value();
    if (n < 0 || n > kSize32Max) return bad("string size out of range");
    std::string_view b;
    if (!r_bytes(static_cast<size_t>(n), b)) return Value();
    bytecode::MarshalUtf8Error bad_utf8;
    if (bytecode::marshal_find_bad_utf8(b, bad_utf8)) return raise_decode_error(b, bad_utf8);
    Value s = str_from_utf8(b);
    if (s && interned) s = intern(s);
    return remember(s, flag);
  }

  // CPython reads the bytes as Latin-1 without checking that they are ASCII.
  [[gnu::noinline]] Value read_ascii(size_t n, bool interned, bool flag) {
    std::string_view b;
    if (!r_bytes(n, b)) return Value();
    Value s = str_from_latin1(b);
    if (s && interned) s = intern(s);
    return remember(s, flag);
  }

  Value null_item(const char* container) {
    if (!error_occurred()) raise_format(exc::TypeError, "NULL object in marshal data for %s", container);
    return Value();
  }

  // Registered before its items are read (a tuple may contain itself). Allocated up front
  // when the input is known to hold that many items (each takes a byte at least); otherwise
  // grown as read, and a reference to it before it is complete is invalid.
  [[gnu::noinline]] Value read_tuple(size_t n, bool flag) {
    bool up_front = n <= remaining() && n <= kFileChunk;
    if (up_front) {
      Ref tuple = Ref::steal(tuple_new(n));
      if (!tuple) return Value();
      remember(tuple.get(), flag);
      for (size_t i = 0; i < n; ++i) {
        Value item = read_object();
        if (!item) return null_item("tuple");
        tuple_items(tuple.get())[i] = item;
      }
      return tuple.release();
    }
    size_t slot = reserve(flag);
    std::vector<Ref> items;
    for (size_t i = 0; i < n; ++i) {
      Value item = read_object();
      if (!item) return null_item("tuple");
      items.push_back(Ref::steal(item));
    }
    Value tuple = tuple_new(n);
    if (!tuple) return Value();
    for (size_t i = 0; i < n; ++i) tuple_items(tuple)[i] = items[i].release();
    return fill(slot, tuple);
  }

  [[gnu::noinline]] Value read_list(bool flag) {
    int64_t n;
    if (!r_long(n)) return Value();
    if (n < 0 || n > kSize32Max) return bad("list size out of range");
    Ref list = Ref::steal(list_new(0));
    if (!list) return Value();
    remember(list.get(), flag);
    for (int64_t i = 0; i < n; ++i) {
      Ref item = Ref::steal(read_object());
      if (!item) return null_item("list");
      if (list_append(list.get(), item.get()) < 0) return Value();
    }
    return list.release();
  }

  // Pairs up to a NULL key or value (a NULL value drops its key).
  [[gnu::noinline]] Value read_dict(bool flag) {
    Ref dict = Ref::steal(dict_new());
    if (!dict) return Value();
    remember(dict.get(), flag);
    for (;;) {
      Ref key = Ref::steal(read_object());
      if (!key) break;
      Ref value = Ref::steal(read_object());
      if (!value) break;
      if (dict_set_item(dict.get(), key.get(), value.get()) < 0) break;
    }
    if (error_occurred()) return Value();
    return dict.release();
  }

  // A set is registered before its items; a frozenset once complete (an empty one at once).
  [[gnu::noinline]] Value read_set(bool frozen, bool flag) {
    int64_t n;
    if (!r_long(n)) return Value();
    if (n < 0 || n > kSize32Max) return bad("set size out of range");
    if (n == 0 && frozen) return remember(frozenset_new(), flag);
    Ref set = Ref::steal(frozen ? frozenset_new() : set_new());
    if (!set) return Value();
    size_t slot = SIZE_MAX;
    if (frozen) {
      slot = reserve(flag);
    } else {
      remember(set.get(), flag);
    }
    for (int64_t i = 0; i < n; ++i) {
      Ref item = Ref::steal(read_object());
      if (!item) return null_item("set");
      if (set_add(set.get(), item.get()) < 0) return Value();
    }
    return fill(slot, set.release());
  }

  // The fields as objects; the code constructor's checks (CPython's messages, in its order);
  // krait's verifier; then a runtime code object that keeps the tuples and strs just read
  // (co_consts is not converted to compiler constants and back).
  [[gnu::noinline]] Value read_code(bool flag) {
    size_t slot = reserve(flag);
    int64_t argcount, posonlyargcount, kwonlyargcount, stacksize, flags, firstlineno = 0;
    if (!r_long(argcount) || !r_long(posonlyargcount) || !r_long(kwonlyargcount) || !r_long(stacksize) ||
        !r_long(flags)) {
      return Value();
    }
    Ref fields[10];
    for (int i = 0; i < 10; ++i) {
      if (i == 8 && !r_long(firstlineno)) return Value();
      fields[i] = Ref::steal(read_object());
      if (!fields[i]) return Value();  // an error, or a NULL the container reports
    }
    Value code = fields[0].get(), consts = fields[1].get(), names = fields[2].get();
    Value localsplusnames = fields[3].get(), localspluskinds = fields[4].get(), filename = fields[5].get();
    Value name = fields[6].get(), qualname = fields[7].get(), linetable = fields[8].get();
    Value exceptiontable = fields[9].get();
    if (argcount < posonlyargcount || posonlyargcount < 0 || kwonlyargcount < 0 || stacksize < 0 || flags < 0 ||
        argcount > INT32_MAX || kwonlyargcount > INT32_MAX || stacksize > INT32_MAX || flags > INT32_MAX) {
      return bad("code object: invalid argument counts, stack size or flags");
    }
    if (!exact(code, bytes_type)) return bad("code object: co_code is not bytes");
    if (!exact(consts, tuple_type)) return bad("code object: co_consts is not a tuple");
    if (!exact(names, tuple_type)) return bad("code object: co_names is not a tuple");
    if (!exact(localsplusnames, tuple_type)) return bad("code object: co_localsplusnames is not a tuple");
    if (!exact(localspluskinds, bytes_type)) return bad("code object: co_localspluskinds is not bytes");
    if (tuple_size(localsplusnames) != bytes_size(localspluskinds)) {
      return bad("code object: co_localsplusnames and co_localspluskinds differ in length");
    }
    if (!exact(filename, str_type)) return bad("code object: co_filename is not a str");
    if (!exact(name, str_type)) return bad("code object: co_name is not a str");
    if (!exact(qualname, str_type)) return bad("code object: co_qualname is not a str");
    if (!exact(linetable, bytes_type)) return bad("code object: co_linetable is not bytes");
    if (!exact(exceptiontable, bytes_type)) return bad("code object: co_exceptiontable is not bytes");
    if (bytes_size(code) % 2 != 0) return raise(exc::ValueError, "code: co_code is malformed");

    auto shape = std::make_shared<bytecode::CodeData>();
    bytecode::CodeData& d = *shape;
    d.argcount = static_cast<int>(argcount);
    d.posonlyargcount = static_cast<int>(posonlyargcount);
    d.kwonlyargcount = static_cast<int>(kwonlyargcount);
    d.stacksize = static_cast<int>(stacksize);
    d.flags = static_cast<int>(flags);
    d.firstlineno = static_cast<int>(firstlineno);
    assign_bytes(d.code, code);
    // The names and filename/name/qualname stay Python strs only: the code object uses those,
    // and its compiler form, with C++ copies of them, is made only if it is dumped again.
    if (!all_str(names) || !all_str(localsplusnames)) return bad("non-string found in code slot");
    assign_bytes(d.localspluskinds, localspluskinds);
    int extra = (flags & bytecode::CodeFlag::VarArgs ? 1 : 0) + (flags & bytecode::CodeFlag::VarKeywords ? 1 : 0);
    if (d.nlocals() - argcount - kwonlyargcount - extra < 0) return raise(exc::ValueError, "code: co_varnames is too small");
    assign_bytes(d.linetable, linetable);
    assign_bytes(d.exceptiontable, exceptiontable);

    // Bytes can say anything: code_from_marshal marks the code unverified, and the bytecode
    // verifier (vm/code_verify.h) checks it before its first frame is made.
    if (!intern_all(names) || !intern_all(localsplusnames)) return Value();
    Value result = vm::code_from_marshal(std::move(shape), consts, names, localsplusnames, filename, name, qualname);
    return fill(slot, result);
  }

  static bool exact(Value v, const TypeObject& type) { return v.is_object() && v.as_object()->type == &type; }

  static void assign_bytes(std::vector<uint8_t>& out, Value bytes) {
    std::string_view view = bytes_view(bytes);
    out.assign(view.begin(), view.end());
  }

  // True if every item of the tuple is an exact str.
  static bool all_str(Value tuple) {
    for (size_t i = 0; i < tuple_size(tuple); ++i)
      if (!exact(tuple_items(tuple)[i], str_type)) return false;
    return true;
  }

  // The VM looks names up by identity first: each must be the interned str (CPython's writer
  // marks them interned; forged data may not). Replacing an item by its equal interned str is
  // invisible even if the tuple is shared.
  static bool intern_all(Value tuple) {
    for (size_t i = 0; i < tuple_size(tuple); ++i) {
      Value& item = tuple_items(tuple)[i];
      if (str_is_interned(item)) continue;
      Value interned = intern(item);  // consumes the tuple's reference
      if (!interned) {
        item = str_intern("");  // keeps the tuple valid
        return false;
      }
      item = interned;
    }
    return true;
  }

  // KW_NAMES: the number of names if co_consts[i] is a tuple of str, else -1.
  std::string_view data_;
  size_t pos_ = 0;
  Value file_;          // borrowed; null when reading from memory
  std::string buffer_;  // the last bytes read from the file
  int depth_ = 0;
  std::vector<Ref> refs_;  // a null Ref: a placeholder
};

}  // namespace

Value loads(std::string_view data) {
  ValueReader reader(data);
  Value v = reader.read_object();
  if (!v && !error_occurred()) return raise(exc::TypeError, "NULL object in marshal data for object");
  return v;
}

Value load(Value file) {
  // CPython first reads zero bytes, which checks that the file's read gives bytes.
  Ref zero = Ref::steal(int_from_int64(0));
  Value arg = zero.get();
  Ref data = Ref::steal(call_method(file, "read", &arg, 1));
  if (!data) return Value();
  if (!is_bytes(data.get())) {
    return raise_format(exc::TypeError, "file.read() returned not bytes but %s", type_of(data.get())->name.c_str());
  }
  ValueReader reader(file);
  Value v = reader.read_object();
  if (!v && !error_occurred()) return raise(exc::TypeError, "NULL object in marshal data for object");
  return v;
}

}  // namespace krait::modules::marshal
