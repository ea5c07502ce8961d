// float's methods and attributes, float() and float_type.
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/int_internal.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

TypeObject float_type;

// Slots defined in float.cpp.
Value float_remainder(Value a, Value b);
Value float_floor_divide(Value a, Value b);
Value float_divmod(Value a, Value b);
Value float_power(Value a, Value b, Value c);
Value float_negative(Value a);
Value float_positive(Value a);
Value float_absolute(Value a);
int float_bool(Value a);
Value float_int(Value a);
Value float_float(Value a);
bool parse_double(std::string_view s, double* out);

// x rounded to ndigits decimal places, exactly (ties to even on the exact binary value).
double round_double(double x, int64_t ndigits) {
  if (!std::isfinite(x) || x == 0.0) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return std::copysign(0.0, x);
  // x = mant * 2^exp exactly, mant an integer.
  int exp2;
  double frac = std::frexp(std::fabs(x), &exp2);
  mpz_t num, den, pow10, q, r, twice;
  mpz_inits(num, den, pow10, q, r, twice, nullptr);
  mpz_set_d(num, std::ldexp(frac, 53));
  exp2 -= 53;
  mpz_set_ui(den, 1);
  if (exp2 >= 0) mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(exp2));
  else mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-exp2));
  mpz_ui_pow_ui(pow10, 10, static_cast<unsigned long>(ndigits >= 0 ? ndigits : -ndigits));
  // y = x * 10^ndigits = num / den
  if (ndigits >= 0) mpz_mul(num, num, pow10);
  else mpz_mul(den, den, pow10);
  mpz_fdiv_qr(q, r, num, den);
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  double result;
  bool overflow = false;
  if (mpz_sgn(q) == 0) {
    result = 0.0;
  } else if (ndigits >= 0) {
    result = mpz_ratio_to_double(q, pow10, &overflow);
  } else {
    mpz_mul(q, q, pow10);
    mpz_set_ui(den, 1);
    result = mpz_ratio_to_double(q, den, &overflow);
  }
  mpz_clears(num, den, pow10, q, r, twice, nullptr);
  if (overflow) return HUGE_VAL;
  return std::copysign(result, x);
}

namespace {

Value float_subtype_from(TypeObject* type, double d) {
  Object* memory = allocate_object(type, type->basic_size ? type->basic_size : sizeof(FloatObject));
  if (memory == nullptr) return Value();
  static_cast<FloatObject*>(memory)->value = d;
  return Value::object(memory);
}

Value float_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (!no_keywords("float", kwnames)) return Value();
  if (nargs > 1) return raise_format(exc::TypeError, "float expected at most 1 argument, got %zu", nargs);
  double d = 0.0;
  if (nargs == 1) {
    Value x = args[0];
    std::string text;
    if (x.is_float() && type == &float_type) {
      return x;  // float(x) is x, as CPython's (a NaN keeps its identity)
    } else if (is_float(x)) {
      d = float_value(x);
    } else if (numeric_text(x, &text)) {
      Ref r = Ref::steal(float_from_string(text, x));
      if (!r) return Value();
      d = float_value(r.get());
    } else {
      TypeObject* xt = type_of(x);
      if (!is_int(x) && !xt->number.float_ && !xt->number.index)
        return raise_format(exc::TypeError, "float() argument must be a string or a real number, not '%s'",
                            xt->name.c_str());
      if (!as_double(x, &d)) return Value();
    }
  }
  if (type == &float_type) return float_from_double(d);
  return float_subtype_from(type, d);
}

Value float_is_integer(Value self) {
  double d = float_value(self);
  return new_ref(bool_value(std::isfinite(d) && std::floor(d) == d));
}

Value float_as_integer_ratio(Value self) {
  double d = float_value(self);
  if (std::isinf(d)) return raise(exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) return raise(exc::ValueError, "cannot convert NaN to integer ratio");
  int exp2;
  double frac = std::frexp(d, &exp2);
  mpz_t num, den;
  mpz_init_set_d(num, std::ldexp(frac, 53));
  exp2 -= 53;
  mpz_init_set_ui(den, 1);
  if (exp2 >= 0) mpz_mul_2exp(num, num, static_cast<mp_bitcnt_t>(exp2));
  else mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-exp2));
  // Lowest terms: divide by the power of two they share.
  if (mpz_sgn(num) == 0) {
    mpz_set_ui(den, 1);
  } else {
    mp_bitcnt_t shared = std::min(mpz_scan1(num, 0), mpz_scan1(den, 0));
    mpz_tdiv_q_2exp(num, num, shared);
    mpz_tdiv_q_2exp(den, den, shared);
  }
  Ref n = Ref::steal(int_steal_mpz(num));
  Ref m = Ref::steal(int_steal_mpz(den));
  if (!n || !m) return Value();
  return tuple_pack({n.get(), m.get()});
}

Value float_hex(Value self) {
  double d = float_value(self);
  if (std::isnan(d)) return str_from_ascii("nan");
  if (std::isinf(d)) return str_from_ascii(d > 0 ? "inf" : "-inf");
  const char* sign = std::signbit(d) ? "-" : "";
  if (d == 0.0) return str_from_format("%s0x0.0p+0", sign);
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  int biased = static_cast<int>((bits >> 52) & 0x7ff);
  uint64_t mantissa = bits & ((uint64_t(1) << 52) - 1);
  int lead = biased == 0 ? 0 : 1;
  int exponent = biased == 0 ? -1022 : biased - 1023;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s0x%d.%013llxp%+d", sign, lead,
                static_cast<unsigned long long>(mantissa), exponent);
  return str_from_ascii(buffer);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

Value float_fromhex(Value cls, Value arg) {
  if (!is_str(arg))
    return raise_format(exc::TypeError, "bad argument type for built-in operation");
  // ASCII only, unlike float(): other digits and spaces make the string invalid (CPython).
  std::string text = str_to_utf8(arg);
  size_t b = 0, e = text.size();
  while (b < e && is_ascii_space(text[b])) ++b;
  while (e > b && is_ascii_space(text[e - 1])) --e;
  std::string_view s(text.data() + b, e - b);
  auto invalid = [] { return raise(exc::ValueError, "invalid hexadecimal floating-point string"); };
  double result;
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::string_view rest = s.substr(i);
  double special;
  if (!rest.empty() && (rest[0] | 0x20) != '0' && hex_digit(rest[0]) < 0 && rest[0] != '.' &&
      parse_double(rest, &special) && !std::isfinite(special)) {
    result = negative ? -special : special;
  } else {
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == 'x') i += 2;
    mpz_t mant;
    mpz_init(mant);
    size_t digits = 0, frac_digits = 0;
    for (; i < s.size() && hex_digit(s[i]) >= 0; ++i, ++digits) {
      mpz_mul_2exp(mant, mant, 4);
      mpz_add_ui(mant, mant, static_cast<unsigned long>(hex_digit(s[i])));
    }
    if (i < s.size() && s[i] == '.') {
      ++i;
      for (; i < s.size() && hex_digit(s[i]) >= 0; ++i, ++frac_digits) {
        mpz_mul_2exp(mant, mant, 4);
        mpz_add_ui(mant, mant, static_cast<unsigned long>(hex_digit(s[i])));
      }
    }
    if (digits + frac_digits == 0) {
      mpz_clear(mant);
      return invalid();
    }
    int64_t exponent = 0;
    if (i < s.size() && (s[i] | 0x20) == 'p') {
      ++i;
      bool eneg = false;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
      size_t start = i;
      for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i)
        if (exponent < (int64_t(1) << 40)) exponent = exponent * 10 + (s[i] - '0');
      if (i == start) {
        mpz_clear(mant);
        return invalid();
      }
      if (eneg) exponent = -exponent;
    }
    if (i != s.size()) {
      mpz_clear(mant);
      return invalid();
    }
    exponent -= 4 * static_cast<int64_t>(frac_digits);
    if (mpz_sgn(mant) == 0) {
      result = 0.0;
    } else {
      int64_t top = static_cast<int64_t>(mpz_sizeinbase(mant, 2)) + exponent;
      if (top > 1025) {
        mpz_clear(mant);
        return raise(exc::OverflowError, "hexadecimal value too large to represent as a float");
      }
      if (top < -1080) {
        result = 0.0;
      } else {
        mpz_t den;
        mpz_init_set_ui(den, 1);
        if (exponent >= 0) mpz_mul_2exp(mant, mant, static_cast<mp_bitcnt_t>(exponent));
        else mpz_mul_2exp(den, den, static_cast<mp_bitcnt_t>(-exponent));
        bool overflow;
        result = mpz_ratio_to_double(mant, den, &overflow);
        mpz_clear(den);
        if (overflow) {
          mpz_clear(mant);
          return raise(exc::OverflowError, "hexadecimal value too large to represent as a float");
        }
      }
    }
    mpz_clear(mant);
    if (negative) result = -result;
  }
  Value f = float_from_double(result);
  if (reinterpret_cast<TypeObject*>(cls.as_object()) == &float_type) return f;
  return call(cls, &f, 1);
}

Value float_round(Value self, const Value* args, size_t nargs) {
  if (nargs > 1)
    return raise_format(exc::TypeError, "__round__ expected at most 1 argument, got %zu", nargs);
  double d = float_value(self);
  if (nargs == 0 || args[0].is(none())) {
    double r = std::nearbyint(d);  // the default rounding mode: ties to even
    return int_from_double(r);
  }
  Ref ndigits = Ref::steal(number_index(args[0]));
  if (!ndigits) return Value();
  int64_t n;
  if (!int_to_int64(ndigits.get(), &n)) n = int_sign(ndigits.get()) > 0 ? INT64_MAX : INT64_MIN;
  double r = round_double(d, n);
  if (std::isinf(r) && std::isfinite(d))
    return raise(exc::OverflowError, "rounded value too large to represent");
  return float_from_double(r);
}

Value float_trunc(Value self) { return int_from_double(float_value(self)); }
Value float_floor(Value self) { return int_from_double(std::floor(float_value(self))); }
Value float_ceil(Value self) { return int_from_double(std::ceil(float_value(self))); }
Value float_conjugate(Value self) { return self.is_float() ? self : float_from_double(float_value(self)); }
Value float_get_imag(Value) { return float_from_double(0.0); }

Value float_getnewargs(Value self) { return tuple_pack({float_from_double(float_value(self))}); }

Value float_format_method(Value self, Value spec) {
  if (!is_str(spec))
    return raise_format(exc::TypeError, "__format__() argument must be str, not %s", type_name_of(spec));
  return float_format_spec(float_value(self), spec);
}

Value float_getformat(Value, Value arg) {
  if (!is_str(arg))
    return raise_format(exc::TypeError, "__getformat__() argument must be str, not %s", type_name_of(arg));
  std::string_view s = str_utf8(arg);
  if (s != "double" && s != "float")
    return raise(exc::ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  return str_from_ascii("IEEE, little-endian");
}

Value float_repr_slot(Value self) { return float_repr(self); }
int64_t float_hash_slot(Value self) { return float_hash(self); }

const MethodDef float_methods[] = {
    {"conjugate", (void*)float_conjugate, MethodKind::NoArgs},
    {"__trunc__", (void*)float_trunc, MethodKind::NoArgs},
    {"__floor__", (void*)float_floor, MethodKind::NoArgs},
    {"__ceil__", (void*)float_ceil, MethodKind::NoArgs},
    {"__round__", (void*)float_round, MethodKind::Fast},
    {"as_integer_ratio", (void*)float_as_integer_ratio, MethodKind::NoArgs},
    {"fromhex", (void*)float_fromhex, MethodKind::OneArg, true},
    {"hex", (void*)float_hex, MethodKind::NoArgs},
    {"is_integer", (void*)float_is_integer, MethodKind::NoArgs},
    {"__getnewargs__", (void*)float_getnewargs, MethodKind::NoArgs},
    {"__getformat__", (void*)float_getformat, MethodKind::OneArg, true},
    {"__format__", (void*)float_format_method, MethodKind::OneArg},
    {nullptr, nullptr, MethodKind::NoArgs},
};

const GetSetDef float_getsets[] = {
    {"real", float_conjugate},
    {"imag", float_get_imag},
    {nullptr, nullptr},
};

}  // namespace

void init_float_type() {
  TypeObject& t = float_type;
  init_number_static_type(t, "float", &object_type, sizeof(FloatObject), TypeFlag::BaseType);
  t.repr = float_repr_slot;
  t.hash = float_hash_slot;
  t.richcompare = float_richcompare;
  t.new_ = float_new;
  NumberSlots& n = t.number;
  n.add = float_add;
  n.subtract = float_subtract;
  n.multiply = float_multiply;
  n.remainder = float_remainder;
  n.divmod = float_divmod;
  n.power = float_power;
  n.negative = float_negative;
  n.positive = float_positive;
  n.absolute = float_absolute;
  n.bool_ = float_bool;
  n.int_ = float_int;
  n.float_ = float_float;
  n.floor_divide = float_floor_divide;
  n.true_divide = float_true_divide;
  add_methods(&t, float_methods);
  add_getsets(&t, float_getsets);
  type_ready(&t);
}

}  // namespace krait::runtime
