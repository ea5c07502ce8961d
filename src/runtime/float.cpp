// float: conversions, hashing, parsing, arithmetic and comparison slots. Methods and float_type
// are in float_methods.cpp.
#include "runtime/float.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/complex.h"
#include "runtime/errors.h"
#include "runtime/int.h"
#include "runtime/int_internal.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "support/float_repr.h"

namespace krait::runtime {

bool is_float_subclass_object(Value v) { return is_subtype(v.as_object()->type, &float_type); }

bool as_double(Value v, double* out) {
  if (v.is_float()) {
    *out = v.as_float();
    return true;
  }
  if (is_float(v)) {
    *out = float_value(v);
    return true;
  }
  if (is_int(v)) return int_to_double(v, out);
  TypeObject* type = type_of(v);
  if (type->number.float_) {
    Ref r = Ref::steal(type->number.float_(v));
    if (!r) return false;
    if (!is_float(r.get())) {
      raise_format(exc::TypeError, "%s.__float__ returned non-float (type %s)", type->name.c_str(),
                   type_name_of(r.get()));
      return false;
    }
    *out = float_value(r.get());
    return true;
  }
  if (type->number.index) {
    Ref r = Ref::steal(number_index(v));
    if (!r) return false;
    return int_to_double(r.get(), out);
  }
  raise_format(exc::TypeError, "must be real number, not %s", type->name.c_str());
  return false;
}

Value float_repr(Value v) { return str_from_ascii(krait::float_repr(float_value(v))); }

int64_t hash_double(double d) {
  if (std::isinf(d)) return d > 0 ? kHashInf : -kHashInf;
  if (std::isnan(d)) return 0;
  int exponent;
  double m = std::frexp(d, &exponent);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  // Accumulate the mantissa 28 bits at a time, reducing mod 2^61-1 (a rotation of 61 bits).
  uint64_t x = 0;
  const uint64_t modulus = static_cast<uint64_t>(kHashModulus);
  while (m != 0.0) {
    x = ((x << 28) & modulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2^28
    exponent -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= modulus) x -= modulus;
  }
  int64_t e = exponent >= 0 ? exponent % kHashBits : kHashBits - 1 - ((-1 - exponent) % kHashBits);
  x = ((x << e) & modulus) | x >> (kHashBits - e);
  int64_t h = static_cast<int64_t>(x) * sign;
  return h == -1 ? -2 : h;
}

int64_t float_hash(Value v) {
  double d = float_value(v);
  if (std::isnan(d)) {
    // 3.11 hashes a NaN by identity; an immediate NaN's identity is its bits.
    uint64_t y = v.bits();
    y = (y >> 4) | (y << 60);
    int64_t h = static_cast<int64_t>(y);
    return h == -1 ? -2 : h;
  }
  return hash_double(d);
}

// --- parsing ------------------------------------------------------------------------------------

namespace {

bool ieq(std::string_view a, const char* b) {
  if (a.size() != std::strlen(b)) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != b[i]) return false;
  return true;
}

// Digits with single underscores between them; appends the digits to *out. Returns the count.
size_t scan_digits(std::string_view s, size_t* i, std::string* out, bool* bad) {
  size_t count = 0;
  while (*i < s.size()) {
    char c = s[*i];
    if (c >= '0' && c <= '9') {
      out->push_back(c);
      ++count;
      ++*i;
    } else if (c == '_' && count > 0 && *i + 1 < s.size() && s[*i + 1] >= '0' && s[*i + 1] <= '9') {
      ++*i;
    } else {
      break;
    }
  }
  if (*i < s.size() && s[*i] == '_') *bad = true;
  return count;
}

}  // namespace

// Parses a float literal (no surrounding space) into *out; false if it is not one.
bool parse_double(std::string_view s, double* out) {
  size_t i = 0;
  std::string clean;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean.push_back(s[i++]);
  std::string_view rest = s.substr(i);
  if (ieq(rest, "inf") || ieq(rest, "infinity")) {
    *out = clean == "-" ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (ieq(rest, "nan")) {
    *out = clean == "-" ? -NAN : NAN;
    return true;
  }
  bool bad = false;
  size_t int_digits = scan_digits(s, &i, &clean, &bad);
  size_t frac_digits = 0;
  if (i < s.size() && s[i] == '.') {
    clean.push_back('.');
    ++i;
    frac_digits = scan_digits(s, &i, &clean, &bad);
  }
  if (bad || int_digits + frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    clean.push_back('e');
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) clean.push_back(s[i++]);
    if (scan_digits(s, &i, &clean, &bad) == 0 || bad) return false;
  }
  if (i != s.size()) return false;
  errno = 0;
  *out = std::strtod(clean.c_str(), nullptr);  // correctly rounded; overflow gives ±inf as Python
  return true;
}

Value float_from_string(std::string_view text, Value original) {
  size_t begin = 0, end = text.size();
  while (begin < end && is_ascii_space(text[begin])) ++begin;
  while (end > begin && is_ascii_space(text[end - 1])) --end;
  double d;
  if (parse_double(text.substr(begin, end - begin), &d)) return float_from_double(d);
  Ref shown = original.is_null() ? Ref::steal(str_from_utf8(text)) : Ref::borrow(original);
  std::string r = repr_utf8(shown.get());
  return raise_format(exc::ValueError, "could not convert string to float: %s", r.c_str());
}

// --- arithmetic -----------------------------------------------------------------------------

namespace {

// The operand as a double: 1 ok, 0 not a number we handle (NotImplemented), -1 error.
inline int operand(Value v, double* out) {
  if (v.is_float()) {
    *out = v.as_float();
    return 1;
  }
  if (v.is_small_int()) {
    *out = static_cast<double>(v.as_small_int());
    return 1;
  }
  if (is_float(v)) {
    *out = float_value(v);
    return 1;
  }
  if (is_int(v)) return int_to_double(v, out) ? 1 : -1;
  return 0;
}

#define KRAIT_FLOAT_OPERANDS(a, b, x, y)    \
  double x, y;                               \
  {                                          \
    int ra = operand(a, &x);                 \
    if (ra <= 0) return ra < 0 ? Value() : new_not_implemented(); \
    int rb = operand(b, &y);                 \
    if (rb <= 0) return rb < 0 ? Value() : new_not_implemented(); \
  }

}  // namespace

Value float_add(Value a, Value b) {
  KRAIT_FLOAT_OPERANDS(a, b, x, y);
  return float_from_double(x + y);
}

Value float_subtract(Value a, Value b) {
  KRAIT_FLOAT_OPERANDS(a, b, x, y);
  return float_from_double(x - y);
}

Value float_multiply(Value a, Value b) {
  KRAIT_FLOAT_OPERANDS(a, b, x, y);
  return float_from_double(x * y);
}

Value float_true_divide(Value a, Value b) {
  KRAIT_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(exc::ZeroDivisionError, "float division by zero");
  return float_from_double(x / y);
}

// Python's modulo: the result has the sign of the divisor.
static double float_mod_value(double x, double y) {
  double mod = std::fmod(x, y);
  if (mod != 0.0) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = std::copysign(0.0, y);
  }
  return mod;
}

// Python's divmod for floats (y != 0).
static void float_divmod_values(double x, double y, double* floordiv, double* mod) {
  double m = std::fmod(x, y);
  double div = (x - m) / y;
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) {
      m += y;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, y);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, x / y);
  }
  *floordiv = fd;
  *mod = m;
}

Value float_remainder(Value a, Value b) {
  KRAIT_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(exc::ZeroDivisionError, "float modulo");
  return float_from_double(float_mod_value(x, y));
}

Value float_floor_divide(Value a, Value b) {
  KRAIT_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(exc::ZeroDivisionError, "float floor division by zero");
  double q, m;
  float_divmod_values(x, y, &q, &m);
  return float_from_double(q);
}

Value float_divmod(Value a, Value b) {
  KRAIT_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) return raise(exc::ZeroDivisionError, "float divmod()");
  double q, m;
  float_divmod_values(x, y, &q, &m);
  return tuple_pack({float_from_double(q), float_from_double(m)});
}

static bool is_odd_integer(double y) { return std::fmod(std::fabs(y), 2.0) == 1.0; }

Value float_power_doubles(double x, double y) {
  if (y == 0.0) return float_from_double(1.0);
  if (std::isnan(x)) return float_from_double(x);
  if (std::isnan(y)) return float_from_double(x == 1.0 ? 1.0 : y);
  if (std::isinf(y)) {
    double ax = std::fabs(x);
    if (ax == 1.0) return float_from_double(1.0);
    if ((y > 0) == (ax > 1.0)) return float_from_double(HUGE_VAL);
    return float_from_double(0.0);
  }
  if (std::isinf(x)) {
    bool odd = is_odd_integer(y);
    if (y > 0) return float_from_double(odd ? x : std::fabs(x));
    return float_from_double(odd ? std::copysign(0.0, x) : 0.0);
  }
  if (x == 0.0) {
    if (y < 0) return raise(exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_from_double(is_odd_integer(y) ? x : 0.0);
  }
  bool negate = false;
  if (x < 0.0) {
    if (y != std::floor(y)) return complex_power_doubles(x, 0.0, y, 0.0);
    negate = is_odd_integer(y);
    x = -x;
  }
  if (x == 1.0) return float_from_double(negate ? -1.0 : 1.0);
  errno = 0;
  double r = std::pow(x, y);
  if (negate) r = -r;
  if (std::isinf(r)) return raise(exc::OverflowError, "(34, 'Numerical result out of range')");
  return float_from_double(r);
}

Value float_power(Value a, Value b, Value c) {
  if (!c.is_null() && !c.is(none()))
    return raise(exc::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  KRAIT_FLOAT_OPERANDS(a, b, x, y);
  return float_power_doubles(x, y);
}

Value float_negative(Value a) { return float_from_double(-float_value(a)); }
// +x and float(x) give an exact float itself (a NaN keeps its identity); a subclass's value as a float.
Value float_positive(Value a) { return a.is_float() ? a : float_from_double(float_value(a)); }
Value float_absolute(Value a) { return float_from_double(std::fabs(float_value(a))); }
int float_bool(Value a) { return float_value(a) != 0.0; }
Value float_int(Value a) { return int_from_double(float_value(a)); }
Value float_float(Value a) { return a.is_float() ? a : float_from_double(float_value(a)); }

// Compares a finite or infinite double with an int exactly: -1, 0, 1 (x not NaN).
static int compare_double_int(double x, Value i) {
  if (i.is_small_int()) {
    double d = static_cast<double>(i.as_small_int());  // exact: |i| < 2^47
    return (x > d) - (x < d);
  }
  if (std::isinf(x)) return x > 0 ? 1 : -1;
  double t = std::trunc(x);
  mpz_t tz;
  mpz_init_set_d(tz, t);
  MpzArg iz(i);
  int c = mpz_cmp(tz, iz.get());
  mpz_clear(tz);
  if (c != 0) return c > 0 ? 1 : -1;
  double frac = x - t;
  return (frac > 0) - (frac < 0);
}

Value float_richcompare(Value a, Value b, CompareOp op) {
  if (!is_float(a)) return new_not_implemented();
  double x = float_value(a);
  int c;
  bool unordered = false;
  if (is_float(b)) {
    double y = float_value(b);
    if (std::isnan(x) || std::isnan(y)) unordered = true;
    else c = (x > y) - (x < y);
  } else if (is_int(b)) {
    if (std::isnan(x)) unordered = true;
    else c = compare_double_int(x, b);
  } else {
    return new_not_implemented();
  }
  bool r = false;
  if (unordered) {
    r = op == CompareOp::Ne;
  } else {
    switch (op) {
      case CompareOp::Lt: r = c < 0; break;
      case CompareOp::Le: r = c <= 0; break;
      case CompareOp::Eq: r = c == 0; break;
      case CompareOp::Ne: r = c != 0; break;
      case CompareOp::Gt: r = c > 0; break;
      case CompareOp::Ge: r = c >= 0; break;
    }
  }
  return new_ref(bool_value(r));
}

}  // namespace krait::runtime
