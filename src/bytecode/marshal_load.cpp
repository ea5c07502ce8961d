// marshal.loads into the compiler's values: CPython 3.11's reader, checking everything.
//
// Errors carry CPython's exception type and message for the same input, in the same order
// (CPython reports the first problem it meets while reading front to back). No length read
// from the data is trusted: sizes are checked against the bytes left before anything is
// allocated, containers grow only as their items are actually read, and nesting stops at
// 2000 levels, so forged data cannot exhaust memory or the C++ stack.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "bytecode/marshal.h"
#include "bytecode/marshal_codes.h"
#include "bytecode/marshal_io.h"

namespace krait::bytecode {

namespace mc = marshal_code;

namespace {

constexpr int64_t kSize32Max = kMarshalSize32Max;

// The key under which Python's set would find two constants equal (1 == 1.0 == True).
std::string set_member_key(const Constant& c);

std::string number_key(const mpz_class& v) { return "n" + v.get_str(16); }

std::string set_member_key(const Constant& c) {
  using K = Constant::Kind;
  switch (c.kind) {
    case K::None: return "N";
    case K::Ellipsis: return "E";
    case K::False: return number_key(0);
    case K::True: return number_key(1);
    case K::Int: return number_key(c.int_value);
    case K::Float:
      if (std::isfinite(c.real) && c.real == std::floor(c.real)) return number_key(mpz_class(c.real));
      if (std::isnan(c.real)) return "nan" + std::to_string(reinterpret_cast<uintptr_t>(&c));  // NaN != NaN
      return "f" + std::to_string(c.real);
    case K::Complex: {
      if (c.imag == 0.0) {
        Constant real;
        real.kind = K::Float;
        real.real = c.real;
        return set_member_key(real);
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, "c%a,%a", c.real, c.imag);
      return buf;
    }
    case K::Str: return "s" + c.text;
    case K::Bytes: return "b" + c.text;
    case K::Tuple: {
      std::string key = "(";
      for (const auto& item : c.items) key += set_member_key(*item) + ",";
      return key + ")";
    }
    case K::FrozenSet: {
      std::vector<std::string> keys;
      for (const auto& item : c.items) keys.push_back(set_member_key(*item));
      std::sort(keys.begin(), keys.end());
      std::string key = "{";
      for (const auto& k : keys) key += k + ",";
      return key + "}";
    }
    case K::Code: return "K" + std::to_string(reinterpret_cast<uintptr_t>(c.code.get()));
  }
  return "";
}

class Reader {
 public:
  Reader(std::string_view data, MarshalError& error) : data_(data), error_(error) {}

  size_t position() const { return pos_; }

  // One object; nullptr with error_ set, or nullptr without an error for the NULL code '0'
  // (the caller says where a NULL is not allowed, as CPython does).
  ConstRef read_object() {
    int code = r_byte();
    if (code < 0) return fail(MarshalError::Type::EOFError, "EOF read where object expected");
    if (++depth_ > kMaxMarshalDepth) {
      --depth_;
      return fail(MarshalError::Type::ValueError, "recursion limit exceeded");
    }
    bool flag = (code & mc::FlagRef) != 0;
    ConstRef result = read_typed(static_cast<char>(code & ~mc::FlagRef), flag);
    --depth_;
    return result;
  }

  bool failed() const { return static_cast<bool>(error_); }

 private:
  struct Slot {
    ConstRef value;
    bool pending = false;  // reserved for a tuple, frozenset or code object still being read
    bool tuple = false;    // ... a tuple
  };

  std::nullptr_t fail(MarshalError::Type type, std::string message) {
    if (!error_) error_ = {type, std::move(message)};
    return nullptr;
  }
  std::nullptr_t bad(const char* what) {
    return fail(MarshalError::Type::ValueError, std::string("bad marshal data (") + what + ")");
  }
  std::nullptr_t not_implemented(const char* what) {
    return fail(MarshalError::Type::NotImplemented,
                std::string("not implemented: marshal data holding ") + what +
                    " cannot be loaded as a compile-time constant");
  }

  size_t remaining() const { return data_.size() - pos_; }

  int r_byte() { return pos_ < data_.size() ? static_cast<unsigned char>(data_[pos_++]) : -1; }

  // n bytes, or nullopt with EOFError (checked before anything is allocated).
  bool r_bytes(size_t n, std::string_view& out) {
    if (n > remaining()) {
      fail(MarshalError::Type::EOFError, "marshal data too short");
      return false;
    }
    out = data_.substr(pos_, n);
    pos_ += n;
    return true;
  }

  bool r_long(int64_t& out) {
    std::string_view b;
    if (!r_bytes(4, b)) return false;
    out = marshal_decode_long(b.data());
    return true;
  }

  bool r_double(double& out) {
    std::string_view b;
    if (!r_bytes(8, b)) return false;
    out = marshal_decode_double(b.data());
    return true;
  }

  bool r_float_text(double& out) {
    int n = r_byte();
    if (n < 0) {
      fail(MarshalError::Type::EOFError, "EOF read where object expected");
      return false;
    }
    std::string_view b;
    if (!r_bytes(static_cast<size_t>(n), b)) return false;
    MarshalError bad_text;
    if (!marshal_parse_float_text(b, out, bad_text)) {
      fail(bad_text.type, bad_text.message);
      return false;
    }
    return true;
  }

  ConstRef remember(ConstRef value, bool flag) {
    if (flag && value) refs_.push_back({value, false});
    return value;
  }
  size_t reserve(bool flag) {
    if (!flag) return SIZE_MAX;
    refs_.push_back({nullptr, true});
    return refs_.size() - 1;
  }
  ConstRef fill(size_t slot, ConstRef value) {
    if (slot != SIZE_MAX && value) refs_[slot] = {value, false};
    return value;
  }

  ConstRef read_typed(char type, bool flag) {
    switch (type) {
      case mc::Null: return nullptr;
      case mc::None: return Constant::none();
      case mc::False: return Constant::boolean(false);
      case mc::True: return Constant::boolean(true);
      case mc::Ellipsis: return Constant::ellipsis();
      case mc::StopIter: return not_implemented("StopIteration");
      case mc::Int: {
        int64_t v;
        if (!r_long(v)) return nullptr;
        return remember(Constant::integer(mpz_class(static_cast<long>(v))), flag);
      }
      case mc::Int64: {
        std::string_view b;
        if (!r_bytes(8, b)) return nullptr;
        return remember(Constant::integer(mpz_class(static_cast<long>(marshal_decode_int64(b.data())))), flag);
      }
      case mc::Long: return read_long(flag);
      case mc::Float: {
        double d;
        if (!r_float_text(d)) return nullptr;
        return remember(Constant::floating(d), flag);
      }
      case mc::BinaryFloat: {
        double d;
        if (!r_double(d)) return nullptr;
        return remember(Constant::floating(d), flag);
      }
      case mc::Complex: {
        double re, im;
        if (!r_float_text(re) || !r_float_text(im)) return nullptr;
        return remember(Constant::complex(re, im), flag);
      }
      case mc::BinaryComplex: {
        double re, im;
        if (!r_double(re) || !r_double(im)) return nullptr;
        return remember(Constant::complex(re, im), flag);
      }
      case mc::String: {
        int64_t n;
        if (!r_long(n)) return nullptr;
        if (n < 0 || n > kSize32Max) return bad("bytes object size out of range");
        std::string_view b;
        if (!r_bytes(static_cast<size_t>(n), b)) return nullptr;
        return remember(Constant::bytes(std::string(b)), flag);
      }
      case mc::Unicode:
      case mc::Interned: return read_unicode(flag);
      case mc::Ascii:
      case mc::AsciiInterned: {
        int64_t n;
        if (!r_long(n)) return nullptr;
        if (n < 0 || n > kSize32Max) return bad("string size out of range");
        return read_ascii(static_cast<size_t>(n), flag);
      }
      case mc::ShortAscii:
      case mc::ShortAsciiInterned: {
        int n = r_byte();
        if (n < 0) return fail(MarshalError::Type::EOFError, "EOF read where object expected");
        return read_ascii(static_cast<size_t>(n), flag);
      }
      case mc::Tuple: {
        int64_t n;
        if (!r_long(n)) return nullptr;
        if (n < 0 || n > kSize32Max) return bad("tuple size out of range");
        return read_tuple(static_cast<size_t>(n), flag);
      }
      case mc::SmallTuple: {
        int n = r_byte();
        if (n < 0) return fail(MarshalError::Type::EOFError, "EOF read where object expected");
        return read_tuple(static_cast<size_t>(n), flag);
      }
      case mc::List: return not_implemented("a list");
      case mc::Dict: return not_implemented("a dict");
      case mc::Set: return not_implemented("a set");
      case mc::FrozenSet: return read_frozenset(flag);
      case mc::Code: return read_code(flag);
      case mc::Ref: {
        int64_t n;
        if (!r_long(n)) return nullptr;
        if (n < 0 || static_cast<size_t>(n) >= refs_.size()) return bad("invalid reference");
        const Slot& slot = refs_[static_cast<size_t>(n)];
        if (slot.pending) {
          // A code object or frozenset still being read: CPython's placeholder is invalid too.
          // A tuple that contains itself is valid for CPython but no constant can be one.
          if (slot.tuple) return not_implemented("a tuple that contains itself");
          return bad("invalid reference");
        }
        return slot.value;
      }
      default: return bad("unknown type code");
    }
  }

  [[gnu::noinline]] ConstRef read_long(bool flag) {
    int64_t n;
    if (!r_long(n)) return nullptr;
    if (n < -kSize32Max || n > kSize32Max) return bad("long size out of range");
    size_t count = static_cast<size_t>(n < 0 ? -n : n);
    MarshalDigits digits;
    MarshalError bad_digit;
    // One digit at a time, as CPython (no allocation from the forged count).
    for (size_t i = 0; i < count; ++i) {
      std::string_view b;
      if (!r_bytes(2, b)) return nullptr;
      if (!digits.add(b.data(), i + 1 == count, bad_digit)) return fail(bad_digit.type, bad_digit.message);
    }
    mpz_class value = digits.value(n < 0);
    return remember(Constant::integer(value), flag);
  }

  [[gnu::noinline]] ConstRef read_unicode(bool flag) {
    int64_t n;
    if (!r_long(n)) return nullptr;
    if (n < 0 || n > kSize32Max) return bad("string size out of range");
    std::string_view b;
    if (!r_bytes(static_cast<size_t>(n), b)) return nullptr;
    MarshalError bad_text;
    if (!marshal_check_utf8(b, bad_text)) return fail(bad_text.type, bad_text.message);
    return remember(Constant::str(std::string(b)), flag);
  }

  // CPython reads the bytes as Latin-1 without checking that they are ASCII.
  [[gnu::noinline]] ConstRef read_ascii(size_t n, bool flag) {
    std::string_view b;
    if (!r_bytes(n, b)) return nullptr;
    return remember(Constant::str(marshal_latin1_to_utf8(b)), flag);
  }

  ConstRef read_tuple(size_t n, bool flag) {
    size_t slot = reserve(flag);
    if (slot != SIZE_MAX) refs_[slot].tuple = true;
    std::vector<ConstRef> items;
    items.reserve(std::min(n, remaining()));  // each item takes at least one byte
    for (size_t i = 0; i < n; ++i) {
      ConstRef item = read_object();
      if (!item) {
        if (!failed()) fail(MarshalError::Type::TypeError, "NULL object in marshal data for tuple");
        return nullptr;
      }
      items.push_back(std::move(item));
    }
    return fill(slot, Constant::tuple(std::move(items)));
  }

  [[gnu::noinline]] ConstRef read_frozenset(bool flag) {
    int64_t n;
    if (!r_long(n)) return nullptr;
    if (n < 0 || n > kSize32Max) return bad("set size out of range");
    size_t slot = reserve(flag && n > 0);
    std::vector<ConstRef> items;
    items.reserve(std::min(static_cast<size_t>(n), remaining()));
    std::unordered_set<std::string> seen;
    for (int64_t i = 0; i < n; ++i) {
      ConstRef item = read_object();
      if (!item) {
        if (!failed()) fail(MarshalError::Type::TypeError, "NULL object in marshal data for set");
        return nullptr;
      }
      if (seen.insert(set_member_key(*item)).second) items.push_back(std::move(item));
    }
    ConstRef set = Constant::frozenset(std::move(items));
    return n == 0 ? remember(set, flag) : fill(slot, set);
  }

  // The fields of a code object, read in marshal's order, then checked as CPython's code
  // constructor checks them (its SystemErrors become ValueErrors naming the field).
  [[gnu::noinline]] ConstRef read_code(bool flag) {
    size_t slot = reserve(flag);
    int64_t argcount, posonly, kwonly, stacksize, flags, firstlineno;
    if (!r_long(argcount) || !r_long(posonly) || !r_long(kwonly) || !r_long(stacksize) || !r_long(flags)) return nullptr;
    ConstRef code, consts, names, localsplusnames, kinds, filename, name, qualname, linetable, exceptiontable;
    if (!(code = read_object()) || !(consts = read_object()) || !(names = read_object()) ||
        !(localsplusnames = read_object()) || !(kinds = read_object()) || !(filename = read_object()) ||
        !(name = read_object()) || !(qualname = read_object())) {
      return nullptr;  // an error, or a NULL the container reports
    }
    if (!r_long(firstlineno)) return nullptr;
    if (!(linetable = read_object()) || !(exceptiontable = read_object())) return nullptr;

    MarshalCodeFields fields{argcount, posonly, kwonly, stacksize, flags, firstlineno,
                             code, consts, names, localsplusnames, kinds, filename, name, qualname,
                             linetable, exceptiontable};
    MarshalError bad_fields;
    std::shared_ptr<CodeData> data = marshal_code_from_fields(fields, bad_fields);
    if (!data) return fail(bad_fields.type, bad_fields.message);
    return fill(slot, Constant::code_object(std::move(data)));
  }

  std::string_view data_;
  size_t pos_ = 0;
  int depth_ = 0;
  MarshalError& error_;
  std::vector<Slot> refs_;
};

}  // namespace

ConstRef marshal_loads(std::string_view data, MarshalError& error, size_t* consumed) {
  error = {};
  Reader reader(data, error);
  ConstRef value = reader.read_object();
  if (!value && !error) error = {MarshalError::Type::TypeError, "NULL object in marshal data for object"};
  if (consumed) *consumed = reader.position();
  return error ? nullptr : value;
}

std::shared_ptr<const CodeData> marshal_loads_code(std::string_view data, MarshalError& error, size_t* consumed) {
  ConstRef value = marshal_loads(data, error, consumed);
  if (!value) return nullptr;
  if (value->kind != Constant::Kind::Code) {
    error = {MarshalError::Type::ValueError, "bad marshal data (not a code object)"};
    return nullptr;
  }
  return value->code;
}

}  // namespace krait::bytecode
