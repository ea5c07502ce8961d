// int: small immediates with overflow-checked fast paths, GMP for everything bigger.
// Conversions, arithmetic slots, comparison, hashing and decimal text. Methods, int() and the
// type objects are in int_methods.cpp; bool in bool.cpp.
#include "runtime/int.h"

#include <charconv>
#include <climits>
#include <cmath>
#include <cstring>

#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int_internal.h"
#include "runtime/memory.h"
#include "runtime/number_util.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace krait::runtime {

// --- allocation -----------------------------------------------------------------------------

IntObject* int_alloc(TypeObject* type) {
  Object* memory = allocate_object(type, type->basic_size ? type->basic_size : sizeof(IntObject));
  if (memory == nullptr) return nullptr;
  IntObject* object = static_cast<IntObject*>(memory);
  mpz_init(object->value);
  return object;
}

void int_dealloc(Object* self) {
  mpz_clear(static_cast<IntObject*>(self)->value);
  free_object(self);
}

// Takes ownership of an initialized mpz_t (cleared or moved into the result).
Value int_steal_mpz(mpz_t z) {
  if (mpz_fits_slong_p(z)) {
    long i = mpz_get_si(z);
    if (Value::fits_small_int(i)) {
      mpz_clear(z);
      return Value::small_int(i);
    }
  }
  Object* memory = allocate_object(&int_type, sizeof(IntObject));
  if (memory == nullptr) {
    mpz_clear(z);
    return Value();
  }
  IntObject* object = static_cast<IntObject*>(memory);
  *object->value = *z;  // the limbs move into the object (no copy)
  return Value::object(object);
}

Value int_from_int64(int64_t i) {
  if (Value::fits_small_int(i)) return Value::small_int(i);
  mpz_t z;
  mpz_init_set_si(z, i);
  return int_steal_mpz(z);
}

Value int_from_uint64(uint64_t u) {
  if (u <= static_cast<uint64_t>(Value::kSmallIntMax)) return Value::small_int(static_cast<int64_t>(u));
  mpz_t z;
  mpz_init_set_ui(z, u);
  return int_steal_mpz(z);
}

Value int_from_mpz_t(const mpz_t z) {
  if (mpz_fits_slong_p(z)) return int_from_int64(mpz_get_si(z));
  mpz_t copy;
  mpz_init_set(copy, z);
  return int_steal_mpz(copy);
}

Value int_from_mpz(const mpz_class& z) { return int_from_mpz_t(z.get_mpz_t()); }

Value int_from_double(double d) {
  if (std::isinf(d)) return raise(exc::OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(exc::ValueError, "cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (std::fabs(t) < 9.0e15) return int_from_int64(static_cast<int64_t>(t));
  mpz_t z;
  mpz_init_set_d(z, t);  // exact: t is integral
  return int_steal_mpz(z);
}

// --- reading ----------------------------------------------------------------------------------

MpzArg::MpzArg(Value v) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    limb_ = i < 0 ? static_cast<mp_limb_t>(-i) : static_cast<mp_limb_t>(i);
    ptr_ = mpz_roinit_n(tmp_, &limb_, i < 0 ? -1 : (i > 0 ? 1 : 0));
  } else {
    ptr_ = static_cast<IntObject*>(v.as_object())->value;
  }
}

bool int_to_int64(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.as_small_int();
    return true;
  }
  const mpz_t& z = static_cast<IntObject*>(v.as_object())->value;
  if (!mpz_fits_slong_p(z)) return false;
  *out = mpz_get_si(z);
  return true;
}

mpz_class int_to_mpz(Value v) {
  if (v.is_small_int()) return mpz_class(static_cast<long>(v.as_small_int()));
  return mpz_class(static_cast<IntObject*>(v.as_object())->value);
}

int int_sign(Value v) {
  if (v.is_small_int()) {
    int64_t i = v.as_small_int();
    return (i > 0) - (i < 0);
  }
  return mpz_sgn(static_cast<IntObject*>(v.as_object())->value);
}

int int_compare(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    return (x > y) - (x < y);
  }
  MpzArg x(a), y(b);
  int c = mpz_cmp(x.get(), y.get());
  return (c > 0) - (c < 0);
}

// |a| / |b| correctly rounded to a double (round half to even), for a, b > 0. Sets *overflow
// when the result is not below 2^1024.
double mpz_ratio_to_double(mpz_srcptr a, mpz_srcptr b, bool* overflow) {
  *overflow = false;
  int64_t la = static_cast<int64_t>(mpz_sizeinbase(a, 2));
  int64_t lb = static_cast<int64_t>(mpz_sizeinbase(b, 2));
  // Scale so that the quotient has at least 55 bits: q = floor(a * 2^shift / b).
  int64_t shift = 55 - (la - lb);
  mpz_t num, q, r;
  mpz_inits(num, q, r, nullptr);
  if (shift >= 0) {
    mpz_mul_2exp(num, a, static_cast<mp_bitcnt_t>(shift));
    mpz_tdiv_qr(q, r, num, b);
  } else {
    mpz_t den;
    mpz_init(den);
    mpz_mul_2exp(den, b, static_cast<mp_bitcnt_t>(-shift));
    mpz_tdiv_qr(q, r, a, den);
    mpz_clear(den);
  }
  bool sticky = mpz_sgn(r) != 0;
  int64_t lq = static_cast<int64_t>(mpz_sizeinbase(q, 2));  // 55 or 56
  // The value is q * 2^-shift, in [2^(lq-1-shift), 2^(lq-shift)).
  int64_t exponent = lq - shift;  // value < 2^exponent
  // Bits the double can hold: 53, fewer for subnormals (lowest bit 2^-1074).
  int64_t keep = std::min<int64_t>(53, exponent + 1074);
  double result;
  if (keep <= 0) {
    // Below half the smallest subnormal, or exactly around it.
    bool above_half = keep == 0 && (mpz_sizeinbase(q, 2) > 0) &&
                      (mpz_popcount(q) > 1 || sticky);
    result = above_half ? std::ldexp(1.0, -1074) : 0.0;
  } else {
    int64_t drop = lq - keep;
    // mantissa = q >> drop, rounded half to even using the dropped bits and the sticky flag.
    mpz_t m;
    mpz_init(m);
    mpz_tdiv_q_2exp(m, q, static_cast<mp_bitcnt_t>(drop));
    bool half = mpz_tstbit(q, static_cast<mp_bitcnt_t>(drop - 1));
    bool rest = sticky || mpz_scan1(q, 0) < static_cast<mp_bitcnt_t>(drop - 1);
    uint64_t mant = mpz_get_ui(m);
    if (half && (rest || (mant & 1))) ++mant;
    mpz_clear(m);
    result = std::ldexp(static_cast<double>(mant), static_cast<int>(drop - shift));
    if (std::isinf(result)) *overflow = true;
  }
  mpz_clears(num, q, r, nullptr);
  return result;
}

bool int_to_double(Value v, double* out) {
  if (v.is_small_int()) {
    *out = static_cast<double>(v.as_small_int());  // exact below 2^53, rounded to even above
    return true;
  }
  const mpz_t& z = static_cast<IntObject*>(v.as_object())->value;
  if (mpz_sizeinbase(z, 2) <= 53) {
    *out = mpz_get_d(z);
    return true;
  }
  mpz_t absz, one;
  mpz_init(absz);
  mpz_abs(absz, z);
  mpz_init_set_ui(one, 1);
  bool overflow;
  double d = mpz_ratio_to_double(absz, one, &overflow);
  mpz_clears(absz, one, nullptr);
  if (overflow) {
    raise(exc::OverflowError, "int too large to convert to float");
    return false;
  }
  *out = mpz_sgn(z) < 0 ? -d : d;
  return true;
}

int64_t int_hash(Value v) {
  int64_t h;
  if (v.is_small_int()) {
    h = v.as_small_int();  // |h| < 2^47 < modulus
  } else {
    const mpz_t& z = static_cast<IntObject*>(v.as_object())->value;
    h = static_cast<int64_t>(mpz_tdiv_ui(z, static_cast<unsigned long>(kHashModulus)));
    if (mpz_sgn(z) < 0) h = -h;
  }
  return h == -1 ? -2 : h;
}

// --- text ---------------------------------------------------------------------------------------

static int64_t max_str_digits = 4300;
int64_t get_int_max_str_digits() { return max_str_digits; }
void set_int_max_str_digits(int64_t limit) { max_str_digits = limit; }

std::string int_to_std_string(Value v, int base) {
  if (v.is_small_int()) {
    char buffer[72];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, v.as_small_int(), base);
    return std::string(buffer, result.ptr);
  }
  const mpz_t& z = static_cast<IntObject*>(v.as_object())->value;
  std::string text(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(text.data(), base, z);
  text.resize(std::strlen(text.c_str()));
  return text;
}

Value int_repr(Value v) {
  if (v.is_small_int()) {
    char buffer[24];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, v.as_small_int());
    return str_from_ascii(std::string_view(buffer, result.ptr - buffer));
  }
  const mpz_t& z = static_cast<IntObject*>(v.as_object())->value;
  if (max_str_digits > 0) {
    // sizeinbase may exceed the true digit count by one; check exactly when close.
    size_t estimate = mpz_sizeinbase(z, 10);
    if (estimate > static_cast<size_t>(max_str_digits)) {
      bool over = true;
      if (estimate == static_cast<size_t>(max_str_digits) + 1) {
        std::string text = int_to_std_string(v);
        over = text.size() - (text[0] == '-') > static_cast<size_t>(max_str_digits);
      }
      if (over) {
        return raise_format(exc::ValueError,
                            "Exceeds the limit (%lld digits) for integer string conversion; use "
                            "sys.set_int_max_str_digits() to increase the limit",
                            static_cast<long long>(max_str_digits));
      }
    }
  }
  return str_from_ascii(int_to_std_string(v));
}

Value int_to_base_string(Value v, int base) {
  std::string digits = int_to_std_string(v, base);
  const char* prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  if (digits[0] == '-') return str_from_ascii("-" + std::string(prefix) + digits.substr(1));
  return str_from_ascii(prefix + digits);
}

// --- arithmetic -----------------------------------------------------------------------------

namespace {

// Runs a GMP operation into a fresh result and normalizes it.
template <typename Op>
Value big_op(Value a, Value b, Op op) {
  MpzArg x(a), y(b);
  mpz_t r;
  mpz_init(r);
  op(r, x.get(), y.get());
  return int_steal_mpz(r);
}

#define KRAIT_INT_OPERANDS(a, b) \
  if (!is_int(a) || !is_int(b)) return new_not_implemented()

}  // namespace

Value int_add(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int()) return int_from_int64(a.as_small_int() + b.as_small_int());
  return big_op(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_add(r, x, y); });
}

Value int_subtract(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int()) return int_from_int64(a.as_small_int() - b.as_small_int());
  return big_op(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_sub(r, x, y); });
}

Value int_multiply(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int()) {
    int64_t r;
    if (!__builtin_mul_overflow(a.as_small_int(), b.as_small_int(), &r)) return int_from_int64(r);
  }
  return big_op(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_mul(r, x, y); });
}

static inline int64_t floor_div_small(int64_t x, int64_t y) {
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
  return q;
}
static inline int64_t floor_mod_small(int64_t x, int64_t y) {
  int64_t m = x % y;
  if (m != 0 && ((m < 0) != (y < 0))) m += y;
  return m;
}

Value int_floor_divide(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (int_sign(b) == 0) return raise(exc::ZeroDivisionError, "integer division or modulo by zero");
  if (a.is_small_int() && b.is_small_int())
    return int_from_int64(floor_div_small(a.as_small_int(), b.as_small_int()));
  return big_op(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_fdiv_q(r, x, y); });
}

Value int_remainder(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (int_sign(b) == 0) return raise(exc::ZeroDivisionError, "integer modulo by zero");
  if (a.is_small_int() && b.is_small_int())
    return int_from_int64(floor_mod_small(a.as_small_int(), b.as_small_int()));
  return big_op(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_fdiv_r(r, x, y); });
}

Value int_divmod(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (int_sign(b) == 0) return raise(exc::ZeroDivisionError, "integer division or modulo by zero");
  Value q, r;
  if (a.is_small_int() && b.is_small_int()) {
    q = int_from_int64(floor_div_small(a.as_small_int(), b.as_small_int()));
    r = int_from_int64(floor_mod_small(a.as_small_int(), b.as_small_int()));
  } else {
    MpzArg x(a), y(b);
    mpz_t mq, mr;
    mpz_inits(mq, mr, nullptr);
    mpz_fdiv_qr(mq, mr, x.get(), y.get());
    q = int_steal_mpz(mq);
    r = int_steal_mpz(mr);
  }
  if (q.is_null() || r.is_null()) {
    decref(q);
    decref(r);
    return Value();
  }
  Value t = tuple_new(2);
  if (t.is_null()) {
    decref(q);
    decref(r);
    return Value();
  }
  tuple_items(t)[0] = q;
  tuple_items(t)[1] = r;
  return t;
}

Value int_true_divide(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (int_sign(b) == 0) return raise(exc::ZeroDivisionError, "division by zero");
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.as_small_int(), y = b.as_small_int();
    constexpr int64_t kExact = int64_t(1) << 53;
    if (x > -kExact && x < kExact && y > -kExact && y < kExact)
      return float_from_double(static_cast<double>(x) / static_cast<double>(y));
  }
  MpzArg x(a), y(b);
  mpz_t ax, ay;
  mpz_init(ax);
  mpz_init(ay);
  mpz_abs(ax, x.get());
  mpz_abs(ay, y.get());
  bool negative = (mpz_sgn(x.get()) < 0) != (mpz_sgn(y.get()) < 0);
  double d = 0.0;
  bool overflow = false;
  if (mpz_sgn(ax) != 0) d = mpz_ratio_to_double(ax, ay, &overflow);
  mpz_clears(ax, ay, nullptr);
  if (overflow) return raise(exc::OverflowError, "integer division result too large for a float");
  return float_from_double(negative ? -d : d);
}

Value int_lshift(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (int_sign(b) < 0) return raise(exc::ValueError, "negative shift count");
  if (int_sign(a) == 0) return Value::small_int(0);
  int64_t count;
  if (!int_to_int64(b, &count) || count > (int64_t(1) << 40)) {
    // CPython sizes the result in 30-bit digits: more digits than an int object can hold
    // ((PY_SSIZE_T_MAX - 24) / 4) is "too many digits"; any other result this large cannot be
    // allocated (MemoryError; GMP would abort).
    MpzArg shift(b), value(a);
    mpz_t digits;
    mpz_init(digits);
    unsigned long rest = mpz_fdiv_q_ui(digits, shift.get(), 30);
    mpz_add_ui(digits, digits, (rest ? 1 : 0) + (mpz_sizeinbase(value.get(), 2) + 29) / 30);
    bool too_many = mpz_cmp_ui(digits, (uint64_t(INT64_MAX) - 24) / 4) > 0;
    mpz_clear(digits);
    if (too_many) return raise(exc::OverflowError, "too many digits in integer");
    return raise_no_memory();
  }
  if (a.is_small_int() && count < 16) return int_from_int64(a.as_small_int() * (int64_t(1) << count));
  MpzArg x(a);
  mpz_t r;
  mpz_init(r);
  mpz_mul_2exp(r, x.get(), static_cast<mp_bitcnt_t>(count));
  return int_steal_mpz(r);
}

Value int_rshift(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (int_sign(b) < 0) return raise(exc::ValueError, "negative shift count");
  int64_t count;
  if (!int_to_int64(b, &count)) return Value::small_int(int_sign(a) < 0 ? -1 : 0);
  if (a.is_small_int()) {
    if (count > 62) count = 62;
    return Value::small_int(a.as_small_int() >> count);  // arithmetic shift = floor
  }
  MpzArg x(a);
  mpz_t r;
  mpz_init(r);
  mpz_fdiv_q_2exp(r, x.get(), static_cast<mp_bitcnt_t>(count));
  return int_steal_mpz(r);
}

Value int_and(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int()) return Value::small_int(a.as_small_int() & b.as_small_int());
  return big_op(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_and(r, x, y); });
}

Value int_or(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int()) return Value::small_int(a.as_small_int() | b.as_small_int());
  return big_op(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_ior(r, x, y); });
}

Value int_xor(Value a, Value b) {
  KRAIT_INT_OPERANDS(a, b);
  if (a.is_small_int() && b.is_small_int()) return Value::small_int(a.as_small_int() ^ b.as_small_int());
  return big_op(a, b, [](mpz_ptr r, mpz_srcptr x, mpz_srcptr y) { mpz_xor(r, x, y); });
}

Value int_negative(Value a) {
  if (a.is_small_int()) return int_from_int64(-a.as_small_int());
  MpzArg x(a);
  mpz_t r;
  mpz_init(r);
  mpz_neg(r, x.get());
  return int_steal_mpz(r);
}

// An exact int with the same value (int(x) for a subclass or bool, +x).
Value int_exact_copy(Value a) {
  if (a.is_small_int()) return a;
  if (a.as_object()->type == &int_type) return new_ref(a);
  return int_from_mpz_t(static_cast<IntObject*>(a.as_object())->value);
}

Value int_positive(Value a) { return int_exact_copy(a); }

Value int_absolute(Value a) {
  return int_sign(a) < 0 ? int_negative(a) : int_exact_copy(a);
}

Value int_invert(Value a) {
  if (a.is_small_int()) return int_from_int64(~a.as_small_int());
  MpzArg x(a);
  mpz_t r;
  mpz_init(r);
  mpz_com(r, x.get());
  return int_steal_mpz(r);
}

int int_bool(Value a) { return int_sign(a) != 0; }

Value int_float(Value a) {
  double d;
  if (!int_to_double(a, &d)) return Value();
  return float_from_double(d);
}

// a ** b for ints; b < 0 gives a float, c (not None) is the modulus.
Value int_power(Value a, Value b, Value c) {
  if (!is_int(a) || !is_int(b)) return new_not_implemented();
  bool has_mod = !c.is_null() && !c.is(none());
  if (has_mod && !is_int(c)) return new_not_implemented();
  if (!has_mod) {
    if (int_sign(b) < 0) {
      double x, y;
      if (!int_to_double(a, &x) || !int_to_double(b, &y)) return Value();
      return float_power_doubles(x, y);
    }
    if (a.is_small_int() && b.is_small_int()) {
      // Exponentiation by squaring while it fits int64.
      int64_t base = a.as_small_int(), exponent = b.as_small_int(), result = 1;
      bool overflow = false;
      while (exponent > 0 && !overflow) {
        if (exponent & 1) overflow |= __builtin_mul_overflow(result, base, &result);
        exponent >>= 1;
        if (exponent > 0) overflow |= __builtin_mul_overflow(base, base, &base);
      }
      if (!overflow) return int_from_int64(result);
    }
    MpzArg x(a);
    int64_t exponent;
    if (!int_to_int64(b, &exponent) || exponent > (int64_t(1) << 40)) {
      // Only 0, 1 and -1 have powers this large that fit in memory.
      int64_t base;
      if (int_to_int64(a, &base) && base >= -1 && base <= 1) {
        if (base == -1) return Value::small_int(int_is_odd(b) ? -1 : 1);
        return Value::small_int(base);
      }
      return raise_no_memory();
    }
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, x.get(), static_cast<unsigned long>(exponent));
    return int_steal_mpz(r);
  }
  if (int_sign(c) == 0) return raise(exc::ValueError, "pow() 3rd argument cannot be 0");
  MpzArg x(a), y(b), m(c);
  mpz_t modulus, base, r;
  mpz_init(modulus);
  mpz_abs(modulus, m.get());
  mpz_init_set(base, x.get());
  mpz_init(r);
  mpz_t exponent;
  mpz_init_set(exponent, y.get());
  if (mpz_sgn(exponent) < 0) {
    if (mpz_invert(base, base, modulus) == 0) {
      mpz_clears(modulus, base, r, exponent, nullptr);
      return raise(exc::ValueError, "base is not invertible for the given modulus");
    }
    mpz_neg(exponent, exponent);
  }
  mpz_powm(r, base, exponent, modulus);  // in [0, |c|)
  if (mpz_sgn(m.get()) < 0 && mpz_sgn(r) != 0) mpz_add(r, r, m.get());
  mpz_clears(modulus, base, exponent, nullptr);
  return int_steal_mpz(r);
}

bool int_is_odd(Value v) {
  if (v.is_small_int()) return v.as_small_int() & 1;
  return mpz_odd_p(static_cast<IntObject*>(v.as_object())->value);
}

Value int_richcompare(Value a, Value b, CompareOp op) {
  KRAIT_INT_OPERANDS(a, b);
  int c = int_compare(a, b);
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
  }
  return new_ref(bool_value(r));
}

Value int_index(Value a) { return int_exact_copy(a); }

}  // namespace krait::runtime
