// int's methods and attributes, int() (int.__new__ and string parsing), and int_type itself.
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/memoryview.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/int_internal.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

TypeObject int_type;

// --- int(text, base) ----------------------------------------------------------------------------

namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

Value invalid_literal(std::string_view text, int base, Value original) {
  Ref shown = original.is_null() ? Ref::steal(str_from_utf8(text)) : Ref::borrow(original);
  std::string r = repr_utf8(shown.get(), 200);
  return raise_format(exc::ValueError, "invalid literal for int() with base %d: %s", base, r.c_str());
}

}  // namespace

Value int_from_string(std::string_view text, int base, Value original) {
  int shown_base = base;
  size_t begin = 0, end = text.size();
  while (begin < end && is_ascii_space(text[begin])) ++begin;
  while (end > begin && is_ascii_space(text[end - 1])) --end;
  std::string_view s = text.substr(begin, end - begin);
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  bool prefixed = false;
  if (i + 1 < s.size() && s[i] == '0') {
    char p = static_cast<char>(s[i + 1] | 0x20);
    int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
      base = prefix_base;
      prefixed = true;
      i += 2;
    }
  }
  bool zero_start_check = false;
  if (base == 0) {
    base = 10;
    zero_start_check = true;  // "010" is not a literal
  }
  std::string digits;
  digits.reserve(s.size());
  bool last_underscore = false;
  if (prefixed && i < s.size() && s[i] == '_') {
    ++i;
    last_underscore = true;
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      if (last_underscore || (digits.empty() && !prefixed)) return invalid_literal(text, shown_base, original);
      last_underscore = true;
      continue;
    }
    if (digit_value(c) >= base) break;
    digits.push_back(c);
    last_underscore = false;
  }
  bool power_of_two = (base & (base - 1)) == 0;
  if (!power_of_two && max_str_digits_exceeded(digits.size())) {
    return raise_format(exc::ValueError,
                        "Exceeds the limit (%lld digits) for integer string conversion: value has "
                        "%zu digits; use sys.set_int_max_str_digits() to increase the limit",
                        static_cast<long long>(get_int_max_str_digits()), digits.size());
  }
  if (digits.empty() || last_underscore || i != s.size()) return invalid_literal(text, shown_base, original);
  if (zero_start_check && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos)
    return invalid_literal(text, shown_base, original);
  if (digits.size() <= 15 && base == 10) {
    int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return int_from_int64(negative ? -v : v);
  }
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, digits.c_str(), base);
  if (negative) mpz_neg(z, z);
  return int_steal_mpz(z);
}

bool max_str_digits_exceeded(size_t digits) {
  int64_t limit = get_int_max_str_digits();
  return limit > 0 && digits > static_cast<size_t>(limit);
}

// --- int() ------------------------------------------------------------------------------------

namespace {

// int(x) for any x without a base.
Value int_from_object(Value x) {
  if (is_int(x)) return int_exact_copy(x);
  TypeObject* type = type_of(x);
  if (type->number.int_) {
    Ref r = Ref::steal(type->number.int_(x));
    if (!r) return Value();
    if (!is_int(r.get()))
      return raise_format(exc::TypeError, "__int__ returned non-int (type %s)", type_name_of(r.get()));
    return int_exact_copy(r.get());
  }
  if (type->number.index) {
    Ref r = Ref::steal(type->number.index(x));
    if (!r) return Value();
    if (!is_int(r.get()))
      return raise_format(exc::TypeError, "__index__ returned non-int (type %s)", type_name_of(r.get()));
    return int_exact_copy(r.get());
  }
  Ref trunc = Ref::steal(lookup_special(x, "__trunc__"));
  if (trunc) {
    Ref r = Ref::steal(call_no_args(trunc.get()));
    if (!r) return Value();
    if (is_int(r.get())) return int_exact_copy(r.get());
    TypeObject* rtype = type_of(r.get());
    if (!rtype->number.index)
      return raise_format(exc::TypeError, "__trunc__ returned non-Integral (type %s)", type_name_of(r.get()));
    return number_index(r.get());
  }
  if (error_occurred()) return Value();
  std::string text;
  if (numeric_text(x, &text)) return int_from_string(text, 10, x);
  return raise_format(exc::TypeError,
                      "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                      type_name_of(x));
}

Value int_new_exact(const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = kwnames.is_null() ? 0 : tuple_size(kwnames);
  if (nargs + nkw > 2)
    return raise_format(exc::TypeError, "int() takes at most 2 arguments (%zu given)", nargs + nkw);
  Value x = nargs > 0 ? args[0] : Value();
  Value base = nargs > 1 ? args[1] : Value();
  for (size_t k = 0; k < nkw; ++k) {
    Value name = tuple_get(kwnames, k);
    if (str_utf8(name) == "base" && nargs < 2) {
      base = args[nargs + k];
    } else if (str_utf8(name) == "base") {
      return raise(exc::TypeError, "argument for int() given by name ('base') and position (2)");
    } else {
      std::string n(str_utf8(name));
      return raise_format(exc::TypeError, "'%s' is an invalid keyword argument for int()", n.c_str());
    }
  }
  if (x.is_null()) {
    if (!base.is_null()) return raise(exc::TypeError, "int() missing string argument");
    return Value::small_int(0);
  }
  if (base.is_null()) return int_from_object(x);
  int64_t b = as_ssize(base);
  if (b == -1 && error_occurred()) return Value();
  if (b != 0 && (b < 2 || b > 36)) return raise(exc::ValueError, "int() base must be >= 2 and <= 36, or 0");
  std::string text;
  // With a base only str, bytes and bytearray (not other buffers such as memoryview).
  if (is_memoryview(x) || !numeric_text(x, &text)) {
    return raise(exc::TypeError, "int() can't convert non-string with explicit base");
  }
  return int_from_string(text, static_cast<int>(b), x);
}

}  // namespace

Value int_subtype_from(TypeObject* type, Value exact) {
  IntObject* object = int_alloc(type);
  if (object == nullptr) return Value();
  MpzArg value(exact);
  mpz_set(object->value, value.get());
  return Value::object(object);
}

Value int_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Ref exact = Ref::steal(int_new_exact(args, nargs, kwnames));
  if (!exact || type == &int_type) return exact.release();
  return int_subtype_from(type, exact.get());
}

// --- methods -------------------------------------------------------------------------------------

namespace {

Value int_bit_length(Value self) {
  MpzArg x(self);
  if (mpz_sgn(x.get()) == 0) return Value::small_int(0);
  return int_from_uint64(mpz_sizeinbase(x.get(), 2));
}

Value int_bit_count(Value self) {
  MpzArg x(self);
  mpz_t a;
  mpz_init(a);
  mpz_abs(a, x.get());
  uint64_t n = mpz_popcount(a);
  mpz_clear(a);
  return int_from_uint64(n);
}

// 1 for 'little', 0 for 'big', -1 + ValueError otherwise.
int parse_byteorder(Value byteorder, const char* function) {
  if (byteorder.is_null()) return 0;
  if (!is_str(byteorder)) {
    raise_format(exc::TypeError, "%s() argument 'byteorder' must be str, not %s", function,
                 type_name_of(byteorder));
    return -1;
  }
  std::string_view s = str_utf8(byteorder);
  if (s == "little") return 1;
  if (s == "big") return 0;
  raise(exc::ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

Value int_to_bytes(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!parse_args("to_bytes", args, nargs, kwnames, {"length", "byteorder", "signed"}, 0, 2, 0, a))
    return Value();
  int64_t length = 1;
  if (!a[0].is_null()) {
    length = as_ssize(a[0]);
    if (length == -1 && error_occurred()) return Value();
    if (length < 0) return raise(exc::ValueError, "length argument must be non-negative");
  }
  int little = parse_byteorder(a[1], "to_bytes");
  if (little < 0) return Value();
  bool is_signed = false;
  if (!a[2].is_null()) {
    int t = is_true(a[2]);
    if (t < 0) return Value();
    is_signed = t;
  }
  MpzArg x(self);
  if (!is_signed && mpz_sgn(x.get()) < 0)
    return raise(exc::OverflowError, "can't convert negative int to unsigned");
  // Two's complement in `length` bytes: value mod 256^length, after a range check.
  mpz_t v;
  mpz_init_set(v, x.get());
  size_t bits = mpz_sgn(v) == 0 ? 0 : mpz_sizeinbase(v, 2);
  bool fits;
  if (!is_signed) {
    fits = bits <= static_cast<size_t>(length) * 8;
  } else if (mpz_sgn(v) >= 0) {
    fits = bits + 1 <= static_cast<size_t>(length) * 8 || bits == 0;
  } else {
    // -2^(8n-1) <= v
    mpz_t low;
    mpz_init(low);
    if (length > 0) {
      mpz_ui_pow_ui(low, 2, static_cast<unsigned long>(length * 8 - 1));
      mpz_neg(low, low);
    }
    // CPython lets -1 "fit" in zero bytes.
    fits = length > 0 ? mpz_cmp(v, low) >= 0 : mpz_cmp_si(v, -1) == 0;
    mpz_clear(low);
  }
  if (!fits) {
    mpz_clear(v);
    return raise(exc::OverflowError, "int too big to convert");
  }
  if (mpz_sgn(v) < 0) {
    mpz_t m;
    mpz_init(m);
    mpz_ui_pow_ui(m, 256, static_cast<unsigned long>(length));
    mpz_add(v, v, m);
    mpz_clear(m);
  }
  Value result = bytes_new(static_cast<size_t>(length));
  if (result.is_null()) {
    mpz_clear(v);
    return Value();
  }
  char* out = bytes_mutable_data(result);
  size_t count = 0;
  if (mpz_sgn(v) != 0) {
    std::string little_endian(static_cast<size_t>(length) + 8, '\0');
    mpz_export(little_endian.data(), &count, -1, 1, 0, 0, v);
    for (size_t k = 0; k < static_cast<size_t>(length); ++k) {
      char byte = k < count ? little_endian[k] : 0;
      out[little ? k : static_cast<size_t>(length) - 1 - k] = byte;
    }
  }
  mpz_clear(v);
  return result;
}

Value int_from_bytes(Value cls, const Value* args, size_t nargs, Value kwnames) {
  Value a[3];
  if (!parse_args("from_bytes", args, nargs, kwnames, {"bytes", "byteorder", "signed"}, 0, 2, 1, a))
    return Value();
  int little = parse_byteorder(a[1], "from_bytes");
  if (little < 0) return Value();
  bool is_signed = false;
  if (!a[2].is_null()) {
    int t = is_true(a[2]);
    if (t < 0) return Value();
    is_signed = t;
  }
  Ref data;
  if (is_bytes(a[0])) {
    data = Ref::borrow(a[0]);
  } else {
    Value bytes_class = Value::object(&bytes_type);
    data = Ref::steal(call(bytes_class, &a[0], 1));
    if (!data) return Value();
  }
  std::string_view view = bytes_view(data.get());
  mpz_t z;
  mpz_init(z);
  if (!view.empty()) {
    mpz_import(z, view.size(), little ? -1 : 1, 1, 0, 0, view.data());
    unsigned char top = static_cast<unsigned char>(little ? view.back() : view.front());
    if (is_signed && (top & 0x80)) {
      mpz_t m;
      mpz_init(m);
      mpz_ui_pow_ui(m, 256, view.size());
      mpz_sub(z, z, m);
      mpz_clear(m);
    }
  }
  Ref result = Ref::steal(int_steal_mpz(z));
  if (!result) return Value();
  TypeObject* type = reinterpret_cast<TypeObject*>(cls.as_object());
  if (type == &int_type) return result.release();
  Value arg = result.get();
  return call(cls, &arg, 1);
}

Value int_as_integer_ratio(Value self) {
  Ref n = Ref::steal(int_exact_copy(self));
  return tuple_pack({n.get(), Value::small_int(1)});
}

Value int_self_exact(Value self) { return int_exact_copy(self); }

// round(x, ndigits) for ints: ties to even at 10^-ndigits.
Value int_round(Value self, const Value* args, size_t nargs) {
  if (nargs > 1)
    return raise_format(exc::TypeError, "__round__ expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return int_exact_copy(self);  // an explicit None is index()ed (as CPython)
  Ref ndigits = Ref::steal(number_index(args[0]));
  if (!ndigits) return Value();
  if (int_sign(ndigits.get()) >= 0) return int_exact_copy(self);
  MpzArg x(self);
  int64_t n;
  size_t decimal_digits = mpz_sizeinbase(x.get(), 10);
  if (!int_to_int64(ndigits.get(), &n) || -n > static_cast<int64_t>(decimal_digits) + 1)
    return Value::small_int(0);
  mpz_t p, q, r, twice;
  mpz_inits(p, q, r, twice, nullptr);
  mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(-n));
  mpz_fdiv_qr(q, r, x.get(), p);
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, p);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  mpz_clears(p, r, twice, nullptr);
  return int_steal_mpz(q);
}

Value int_format_method(Value self, Value spec) {
  if (!is_str(spec))
    return raise_format(exc::TypeError, "__format__() argument must be str, not %s", type_name_of(spec));
  return int_format(self, spec);
}

Value int_getnewargs(Value self) {
  Ref n = Ref::steal(int_exact_copy(self));
  return tuple_pack({n.get()});
}

Value int_sizeof(Value self) {
  MpzArg x(self);
  size_t digits = (mpz_sizeinbase(x.get(), 2) + 29) / 30;
  if (mpz_sgn(x.get()) == 0) digits = 0;
  return int_from_uint64(24 + 4 * (digits == 0 ? 1 : digits));
}

Value int_get_zero(Value) { return Value::small_int(0); }
Value int_get_one(Value) { return Value::small_int(1); }

const MethodDef int_methods[] = {
    {"conjugate", (void*)int_self_exact, MethodKind::NoArgs},
    {"bit_length", (void*)int_bit_length, MethodKind::NoArgs},
    {"bit_count", (void*)int_bit_count, MethodKind::NoArgs},
    {"to_bytes", (void*)int_to_bytes, MethodKind::FastKeywords},
    {"from_bytes", (void*)int_from_bytes, MethodKind::FastKeywords, true},
    {"as_integer_ratio", (void*)int_as_integer_ratio, MethodKind::NoArgs},
    {"__trunc__", (void*)int_self_exact, MethodKind::NoArgs},
    {"__floor__", (void*)int_self_exact, MethodKind::NoArgs},
    {"__ceil__", (void*)int_self_exact, MethodKind::NoArgs},
    {"__round__", (void*)int_round, MethodKind::Fast},
    {"__getnewargs__", (void*)int_getnewargs, MethodKind::NoArgs},
    {"__format__", (void*)int_format_method, MethodKind::OneArg},
    {"__sizeof__", (void*)int_sizeof, MethodKind::NoArgs},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef int_getsets[] = {
    {"real", int_self_exact},
    {"imag", int_get_zero},
    {"numerator", int_self_exact},
    {"denominator", int_get_one},
    {nullptr, nullptr},
};

int64_t int_hash_slot(Value self) { return int_hash(self); }
Value int_repr_slot(Value self) { return int_repr(self); }

}  // namespace

void init_number_static_type(TypeObject& type, const char* name, TypeObject* base,
                             size_t basic_size, uint64_t flags) {
  type.refcount = 1;
  type.Object::flags = ObjectFlag::Immortal;
  type.type = &type_type;
  type.name = name;
  type.qualname = name;
  type.base = base;
  type.basic_size = basic_size;
  type.flags = flags;
}

void init_int_type() {
  TypeObject& t = int_type;
  init_number_static_type(t, "int", &object_type, sizeof(IntObject),
                          TypeFlag::BaseType | TypeFlag::IntSubclass);
  t.item_size = 4;  // CPython's digit size: int subclasses get no __weakref__, as there
  t.dealloc = int_dealloc;
  t.repr = int_repr_slot;
  t.hash = int_hash_slot;
  t.richcompare = int_richcompare;
  t.new_ = int_new;
  NumberSlots& n = t.number;
  n.add = int_add;
  n.subtract = int_subtract;
  n.multiply = int_multiply;
  n.remainder = int_remainder;
  n.divmod = int_divmod;
  n.power = int_power;
  n.negative = int_negative;
  n.positive = int_positive;
  n.absolute = int_absolute;
  n.bool_ = int_bool;
  n.invert = int_invert;
  n.lshift = int_lshift;
  n.rshift = int_rshift;
  n.and_ = int_and;
  n.xor_ = int_xor;
  n.or_ = int_or;
  n.int_ = int_exact_copy;
  n.float_ = int_float;
  n.floor_divide = int_floor_divide;
  n.true_divide = int_true_divide;
  n.index = int_index;
  add_methods(&t, int_methods);
  add_getsets(&t, int_getsets);
  type_ready(&t);
}

void init_number_types() {
  init_int_type();
  init_bool_type();
  init_float_type();
  init_complex_type();
  init_range_types();
  init_slice_type();
}

}  // namespace krait::runtime
