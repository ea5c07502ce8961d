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
using bytecode::Constant;
using bytecode::ConstRef;
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

// A compile-time constant of a value read as a code object's field (what CodeData holds);
// nullptr when the value cannot be one (a list, a dict...).
ConstRef to_constant(Value v) {
  if (v == none()) return Constant::none();
  if (v == true_value()) return Constant::boolean(true);
  if (v == false_value()) return Constant::boolean(false);
  if (v == ellipsis()) return Constant::ellipsis();
  if (v.is_small_int()) return Constant::integer(mpz_class(static_cast<long>(v.as_small_int())));
  if (v.is_float()) return Constant::floating(float_value(v));
  TypeObject* type = v.as_object()->type;
  if (type == &int_type) return Constant::integer(int_to_mpz(v));
  if (type == &complex_type) return Constant::complex(complex_real(v), complex_imag(v));
  if (type == &str_type) return Constant::str(std::string(str_utf8(v)));
  if (type == &bytes_type) return Constant::bytes(std::string(bytes_view(v)));
  if (type == &code_type) {
    const vm::CodeObject* code = vm::as_code(v);
    return code->data ? Constant::code_object(code->data) : nullptr;
  }
  if (type == &tuple_type || type == &frozenset_type) {
    std::vector<ConstRef> items;
    if (type == &tuple_type) {
      for (size_t i = 0; i < tuple_size(v); ++i) {
        ConstRef item = to_constant(tuple_items(v)[i]);
        if (!item) return nullptr;
        items.push_back(std::move(item));
      }
      return Constant::tuple(std::move(items));
    }
    size_t pos = 0;
    Value item;
    while (set_next(v, &pos, &item)) {
      ConstRef c = to_constant(item);
      if (!c) return nullptr;
      items.push_back(std::move(c));
    }
    return Constant::frozenset(std::move(items));
  }
  return nullptr;
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

  // The fields as objects, then the compiler's checks and CodeData, then a runtime code object.
  [[gnu::noinline]] Value read_code(bool flag) {
    size_t slot = reserve(flag);
    bytecode::MarshalCodeFields f;
    if (!r_long(f.argcount) || !r_long(f.posonlyargcount) || !r_long(f.kwonlyargcount) ||
        !r_long(f.stacksize) || !r_long(f.flags)) {
      return Value();
    }
    Ref fields[10];
    for (int i = 0; i < 10; ++i) {
      if (i == 8 && !r_long(f.firstlineno)) return Value();
      fields[i] = Ref::steal(read_object());
      if (!fields[i]) return Value();  // an error, or a NULL the container reports
    }
    ConstRef* targets[10] = {&f.code, &f.consts, &f.names, &f.localsplusnames, &f.localspluskinds,
                             &f.filename, &f.name, &f.qualname, &f.linetable, &f.exceptiontable};
    for (int i = 0; i < 10; ++i) {
      *targets[i] = to_constant(fields[i].get());
      if (!*targets[i]) {
        if (i == 1 && is_tuple_exact(fields[i].get())) {
          return raise(exc::NotImplementedError,
                       "not implemented: marshal data holding a code object whose constants are not all constants");
        }
        *targets[i] = Constant::none();  // the field check below names the field
      }
    }
    MarshalError error;
    std::shared_ptr<bytecode::CodeData> data = bytecode::marshal_code_from_fields(f, error);
    if (!data) return raise_marshal_error(error);
    Value code = vm::code_from_data(std::move(data));
    return fill(slot, code);
  }

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
