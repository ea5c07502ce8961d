// math: CPython 3.11's math module. The floating-point functions here use the C library with
// CPython's error rules (a NaN from a non-NaN argument is a domain error; an infinity from finite
// arguments is a range error where the function can overflow, else a domain error); the integer
// functions are in math_integer.cpp, fsum/hypot/dist in math_sum.cpp.
#include <cmath>
#include <string>

#include "modules/modules.h"
#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/errors.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "modules/math_internal.h"
#include "modules/native_args.h"
#include "runtime/args.h"
#include "runtime/number_util.h"

namespace krait::modules {

using namespace runtime;

namespace {

using math::domain_error;
using math::range_error;

// The result of func(x) under CPython's math_1 rules.
Value checked_result(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_from_double(r);
}

template <double (*F)(double), bool kCanOverflow>
Value unary(Value, Value arg) {
  double x;
  if (!as_double(arg, &x)) return Value();
  return checked_result(x, F(x), kCanOverflow);
}

// floor/ceil: ints stay themselves, floats become ints, other objects use __floor__/__ceil__.
Value rounding(Value arg, const char* special, double (*f)(double)) {
  if (is_int_exact(arg)) return new_ref(arg);
  if (!is_float_exact(arg)) {  // int subclasses (bool) too: their __floor__ gives a plain int
    Ref method = Ref::steal(lookup_special(arg, special));
    if (method) return call_no_args(method.get());
    if (error_occurred()) return Value();
  }
  double x;
  if (!as_double(arg, &x)) return Value();
  return int_from_double(f(x));
}
Value math_floor(Value, Value arg) { return rounding(arg, "__floor__", std::floor); }
Value math_ceil(Value, Value arg) { return rounding(arg, "__ceil__", std::ceil); }

Value math_trunc(Value, Value arg) {
  Ref method = Ref::steal(lookup_special(arg, "__trunc__"));
  if (method) return call_no_args(method.get());
  if (error_occurred()) return Value();
  return raise_format(exc::TypeError, "type %s doesn't define __trunc__ method", type_of(arg)->name.c_str());
}

double natural_log(double x) { return std::log(x); }

// log of an int or float; ints too large for a double use their bit length, as CPython does.
bool log_of(Value v, double (*f)(double), double* out) {
  if (is_int(v) && !is_bool(v)) {
    if (int_sign(v) <= 0) {
      domain_error();
      return false;
    }
    double d;
    if (!as_double(v, &d)) {
      if (!error_matches(exc::OverflowError)) return false;
      clear_error();
      // x = m * 2**e with m in [0.5, 1), m rounded to 53 bits (half to even) as CPython's
      // frexp of an int; log(x) = log(m) + e * log(2).
      mpz_class z = int_to_mpz(v);
      long e = long(mpz_sizeinbase(z.get_mpz_t(), 2));
      mpz_class top = z >> (e - 55);                     // 55 bits: 53 kept, 2 for rounding
      bool sticky = mpz_scan1(z.get_mpz_t(), 0) < mp_bitcnt_t(e - 55);
      unsigned long low = mpz_fdiv_ui(top.get_mpz_t(), 8);
      top >>= 2;
      unsigned long guard = low & 3;
      if (guard > 2 || (guard == 2 && (sticky || (low & 4)))) top += 1;
      double m = std::ldexp(top.get_d(), -53);
      *out = f(m) + double(e) * f(2.0);
      return true;
    }
    *out = f(d);
    return true;
  }
  double x;
  if (!as_double(v, &x)) return false;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(), false;
  if (std::isinf(r) && std::isfinite(x)) return domain_error(), false;
  *out = r;
  return true;
}

Value math_log(Value, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2)
    return raise_format(exc::TypeError, nargs < 1 ? "log expected at least 1 argument, got %zu"
                                                  : "log expected at most 2 arguments, got %zu", nargs);
  double num;
  if (!log_of(args[0], natural_log, &num)) return Value();
  if (nargs == 1) return float_from_double(num);
  double den;
  if (!log_of(args[1], natural_log, &den)) return Value();
  if (den == 0.0) return raise(exc::ZeroDivisionError, "float division by zero");
  return float_from_double(num / den);
}
Value math_log2(Value, Value arg) {
  double r;
  return log_of(arg, static_cast<double (*)(double)>(std::log2), &r) ? float_from_double(r) : Value();
}
Value math_log10(Value, Value arg) {
  double r;
  return log_of(arg, static_cast<double (*)(double)>(std::log10), &r) ? float_from_double(r) : Value();
}

bool two_doubles(const char* name, const Value* args, size_t nargs, double* x, double* y) {
  if (nargs != 2) {
    raise_format(exc::TypeError, "%s expected 2 arguments, got %zu", name, nargs);
    return false;
  }
  return as_double(args[0], x) && as_double(args[1], y);
}

Value math_pow(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!two_doubles("pow", args, nargs, &x, &y)) return Value();
  if (x == 1.0 || y == 0.0) return float_from_double(1.0);  // even for NaN, as C99 and CPython
  double r = std::pow(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return x == 0.0 ? domain_error() : range_error();
  return float_from_double(r);
}

Value math_atan2(Value, const Value* args, size_t nargs) {
  double y, x;
  if (!two_doubles("atan2", args, nargs, &y, &x)) return Value();
  return float_from_double(std::atan2(y, x));
}

Value math_copysign(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!two_doubles("copysign", args, nargs, &x, &y)) return Value();
  return float_from_double(std::copysign(x, y));
}

Value math_fmod(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!two_doubles("fmod", args, nargs, &x, &y)) return Value();
  if (std::isinf(y) && std::isfinite(x)) return float_from_double(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_from_double(r);
}

template <bool (*Predicate)(double)>
Value classify(Value, Value arg) {
  double x;
  if (!as_double(arg, &x)) return Value();
  return bool_value(Predicate(x));
}
bool is_nan(double x) { return std::isnan(x); }
bool is_inf(double x) { return std::isinf(x); }
bool is_finite(double x) { return std::isfinite(x); }

double to_degrees(double x) { return x * (180.0 / M_PI); }
double to_radians(double x) { return x * (M_PI / 180.0); }
double absolute(double x) { return std::fabs(x); }
double square_root(double x) { return std::sqrt(x); }
double exponential(double x) { return std::exp(x); }
double sine(double x) { return std::sin(x); }
double cosine(double x) { return std::cos(x); }
double tangent(double x) { return std::tan(x); }
double arc_sine(double x) { return std::asin(x); }
double arc_cosine(double x) { return std::acos(x); }
double arc_tangent(double x) { return std::atan(x); }
double hyperbolic_sine(double x) { return std::sinh(x); }
double hyperbolic_cosine(double x) { return std::cosh(x); }
double hyperbolic_tangent(double x) { return std::tanh(x); }

double inverse_hyperbolic_cosine(double x) { return std::acosh(x); }
double inverse_hyperbolic_sine(double x) { return std::asinh(x); }
double inverse_hyperbolic_tangent(double x) { return std::atanh(x); }
double cube_root(double x) { return std::cbrt(x); }
double exp_base2(double x) { return std::exp2(x); }
double exp_minus_1(double x) { return std::expm1(x); }
double log_1_plus(double x) { return std::log1p(x); }
double error_function(double x) { return std::erf(x); }
double complementary_error_function(double x) { return std::erfc(x); }

// gamma and lgamma as CPython computes them (not the C library's, whose last bits differ): the
// Lanczos approximation with g = 6.024680040776729583740234375 and N = 13 (the coefficients
// published with Boost's lanczos13m53), exact values for small integers, the reflection formula
// for negative arguments.
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[13] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// x(x+1)...(x+11) expanded: the rational form's denominator.
constexpr double kLanczosDen[13] = {0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
                                    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {  // Horner's rule from the top coefficient
    for (int i = 12; i >= 0; --i) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {  // in 1/x, from the bottom, to avoid overflow
    for (int i = 0; i < 13; ++i) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// sin(pi * x) with the argument reduced first, exact at multiples of 1/2.
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;  // 0.0, not -0.0, at y == 1
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

Value math_gamma(Value, Value arg) {
  double x;
  if (!as_double(arg, &x)) return Value();
  if (std::isnan(x)) return float_from_double(x);
  if (std::isinf(x)) return x > 0 ? float_from_double(x) : domain_error();
  if (x == 0.0) return domain_error();
  if (x == std::floor(x)) {
    if (x < 0.0) return domain_error();
    if (x <= 23) {  // (x-1)! correctly rounded
      mpz_class f;
      mpz_fac_ui(f.get_mpz_t(), static_cast<unsigned long>(x) - 1);
      Ref exact = Ref::steal(int_from_mpz(f));
      double r;
      if (!exact || !int_to_double(exact.get(), &r)) return Value();
      return float_from_double(r);
    }
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {  // gamma(x) ~ 1/x
    double r = 1.0 / x;
    return std::isinf(r) ? range_error() : float_from_double(r);
  }
  if (absx > 200.0) return x < 0.0 ? float_from_double(0.0 / sin_pi(x)) : range_error();
  double y = absx + kLanczosGMinusHalf;
  // The rounding error of y, fed back as a correction.
  double z = absx > kLanczosGMinusHalf ? (y - absx) - kLanczosGMinusHalf : (y - kLanczosGMinusHalf) - absx;
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double half = std::pow(y, absx / 2.0 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double half = std::pow(y, absx / 2.0 - 0.25);
      r *= half;
      r *= half;
    }
  }
  if (std::isinf(r)) return range_error();
  return float_from_double(r);
}

Value math_lgamma(Value, Value arg) {
  double x;
  if (!as_double(arg, &x)) return Value();
  if (std::isnan(x)) return float_from_double(x);
  if (std::isinf(x)) return float_from_double(INFINITY);
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) return domain_error();
    return float_from_double(0.0);
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return float_from_double(-std::log(absx));
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) return range_error();
  return float_from_double(r);
}

Value math_frexp(Value, Value arg) {
  double x;
  if (!as_double(arg, &x)) return Value();
  int e = 0;
  double m = (std::isnan(x) || std::isinf(x) || x == 0.0) ? x : std::frexp(x, &e);
  Ref mantissa = Ref::steal(float_from_double(m));
  Ref exponent = Ref::steal(int_from_int64(e));
  return tuple_pack({mantissa.get(), exponent.get()});
}

Value math_ldexp(Value, const Value* args, size_t nargs) {
  if (!check_positional("ldexp", nargs, 2, 2)) return Value();
  double x;
  if (!as_double(args[0], &x)) return Value();
  if (!is_int(args[1])) return raise(exc::TypeError, "Expected an int as second argument to ldexp.");
  int64_t e;
  bool fits = int_to_int64(args[1], &e);
  if (x == 0.0 || !std::isfinite(x)) return float_from_double(x);
  if (!fits) {
    if (int_sign(args[1]) > 0) return range_error();
    return float_from_double(std::copysign(0.0, x));
  }
  if (e > 100000) return range_error();
  if (e < -100000) return float_from_double(std::copysign(0.0, x));
  double r = std::ldexp(x, int(e));
  if (std::isinf(r)) return range_error();
  return float_from_double(r);
}

Value math_modf(Value, Value arg) {
  double x;
  if (!as_double(arg, &x)) return Value();
  double fraction, whole;
  if (std::isinf(x)) {
    fraction = std::copysign(0.0, x);
    whole = x;
  } else {
    fraction = std::modf(x, &whole);
  }
  Ref a = Ref::steal(float_from_double(fraction));
  Ref b = Ref::steal(float_from_double(whole));
  return tuple_pack({a.get(), b.get()});
}

Value math_nextafter(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!two_doubles("nextafter", args, nargs, &x, &y)) return Value();
  return float_from_double(std::nextafter(x, y));
}

Value math_ulp(Value, Value arg) {
  double x;
  if (!as_double(arg, &x)) return Value();
  if (std::isnan(x) || std::isinf(x)) return float_from_double(std::fabs(x));
  x = std::fabs(x);
  double up = std::nextafter(x, INFINITY);
  if (std::isinf(up)) return float_from_double(x - std::nextafter(x, -INFINITY));
  return float_from_double(up - x);
}

Value math_remainder(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!two_doubles("remainder", args, nargs, &x, &y)) return Value();
  if (std::isnan(x) || std::isnan(y)) return float_from_double(NAN);
  if (std::isinf(x) || y == 0.0) return domain_error();
  if (std::isinf(y)) return float_from_double(x);
  return float_from_double(std::remainder(x, y));
}

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
Value math_isclose(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs > 2)
    return raise_format(exc::TypeError, "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
  Value a[4];
  if (!bind_args({"isclose", {"a", "b", "rel_tol", "abs_tol"}, 0, 2, 2}, args, nargs, kwnames, a)) return Value();
  double x, y, rel_tol = 1e-09, abs_tol = 0.0;
  if (!as_double(a[0], &x) || !as_double(a[1], &y)) return Value();
  if (a[2] && !as_double(a[2], &rel_tol)) return Value();
  if (a[3] && !as_double(a[3], &abs_tol)) return Value();
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(exc::ValueError, "tolerances must be non-negative");
  if (x == y) return new_ref(true_value());
  if (std::isinf(x) || std::isinf(y)) return new_ref(false_value());
  double diff = std::fabs(y - x);
  bool close = diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_tol;
  return new_ref(bool_value(close));
}

#define UNARY(name, fn, overflow) {name, reinterpret_cast<void*>(&unary<fn, overflow>), MethodKind::OneArg}
#define FN(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef math_functions[] = {
    UNARY("sqrt", square_root, false),
    UNARY("exp", exponential, true),
    UNARY("sin", sine, false),
    UNARY("cos", cosine, false),
    UNARY("tan", tangent, false),
    UNARY("asin", arc_sine, false),
    UNARY("acos", arc_cosine, false),
    UNARY("atan", arc_tangent, false),
    UNARY("sinh", hyperbolic_sine, true),
    UNARY("cosh", hyperbolic_cosine, true),
    UNARY("tanh", hyperbolic_tangent, false),
    UNARY("fabs", absolute, false),
    UNARY("degrees", to_degrees, true),
    UNARY("radians", to_radians, false),
    FN("floor", math_floor, OneArg),
    FN("ceil", math_ceil, OneArg),
    FN("trunc", math_trunc, OneArg),
    FN("log", math_log, Fast),
    FN("log2", math_log2, OneArg),
    FN("log10", math_log10, OneArg),
    FN("pow", math_pow, Fast),
    FN("atan2", math_atan2, Fast),
    FN("copysign", math_copysign, Fast),
    FN("fmod", math_fmod, Fast),
    {"isnan", reinterpret_cast<void*>(&classify<is_nan>), MethodKind::OneArg},
    {"isinf", reinterpret_cast<void*>(&classify<is_inf>), MethodKind::OneArg},
    {"isfinite", reinterpret_cast<void*>(&classify<is_finite>), MethodKind::OneArg},
    UNARY("acosh", inverse_hyperbolic_cosine, false),
    UNARY("asinh", inverse_hyperbolic_sine, false),
    UNARY("atanh", inverse_hyperbolic_tangent, false),
    UNARY("cbrt", cube_root, false),
    UNARY("exp2", exp_base2, true),
    UNARY("expm1", exp_minus_1, true),
    UNARY("log1p", log_1_plus, false),
    UNARY("erf", error_function, false),
    UNARY("erfc", complementary_error_function, false),
    FN("gamma", math_gamma, OneArg),
    FN("lgamma", math_lgamma, OneArg),
    FN("frexp", math_frexp, OneArg),
    FN("ldexp", math_ldexp, Fast),
    FN("modf", math_modf, OneArg),
    FN("nextafter", math_nextafter, Fast),
    FN("ulp", math_ulp, OneArg),
    FN("remainder", math_remainder, Fast),
    FN("isclose", math_isclose, FastKeywords),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef UNARY
#undef FN

}  // namespace

Value create_math_module() {
  Ref module = Ref::steal(module_new("math"));
  if (!module) return Value();
  if (module_add_functions(module.get(), math_functions) < 0) return Value();
  if (module_add_functions(module.get(), math::integer_functions) < 0) return Value();
  if (module_add_functions(module.get(), math::sum_functions) < 0) return Value();
  const struct {
    const char* name;
    double value;
  } constants[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN}};
  for (const auto& constant : constants) {
    if (module_add(module.get(), constant.name, float_from_double(constant.value)) < 0) return Value();
  }
  return module.release();
}

}  // namespace krait::modules
