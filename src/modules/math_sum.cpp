// math's sums that CPython rounds carefully: fsum (Shewchuk's exact partials, correctly rounded),
// hypot and dist (the Euclidean norm from an exact sum of squares in double-double arithmetic,
// then a square root corrected by one Newton step), so results agree to the last bit.
#include <cmath>
#include <vector>

#include "modules/math_internal.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/float.h"
#include "runtime/number_util.h"
#include "runtime/tuple.h"

namespace krait::modules::math {

using namespace runtime;

namespace {

Value math_fsum(Value, Value iterable) {
  Ref it = Ref::steal(get_iter(iterable));
  if (!it) return Value();
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (error_occurred()) return Value();
      break;
    }
    double x;
    if (!as_double(item.get(), &x)) return Value();
    double original = x;
    size_t used = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[used++] = lo;
      x = hi;
    }
    partials.resize(used);
    if (x == 0.0) continue;
    if (!std::isfinite(x)) {
      // From an infinity or NaN among the items, or from the partials overflowing.
      if (std::isfinite(original)) return raise(exc::OverflowError, "intermediate overflow in fsum");
      if (std::isinf(original)) inf_sum += original;
      special_sum += original;
      partials.clear();
    } else {
      partials.push_back(x);
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(exc::ValueError, "-inf + inf in fsum");
    return float_from_double(special_sum);
  }
  double hi = 0.0, lo = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    // Sum from the top while no rounding happens; then fix half-way cases by looking at the
    // next partial's sign (round half to even on the exact sum).
    while (n > 0) {
      double x = hi, y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return float_from_double(hi);
}

// The Euclidean norm of non-negative finite values whose maximum is `max`.
double finite_norm(std::vector<double>& v, double max) {
  if (max == 0.0 || v.size() <= 1) return max;
  double unscale = 1.0;
  if (max < 0x1p-900) {  // scaling by 2**-exponent would overflow: lift tiny values first (exact)
    for (double& x : v) x *= 0x1p600;
    max *= 0x1p600;
    unscale = 0x1p-600;
  }
  int exponent;
  std::frexp(max, &exponent);
  double scale = std::ldexp(1.0, -exponent);  // max * scale in [0.5, 1)
  double sum = 0.0, low = 0.0;
  for (double x : v) {
    x *= scale;
    double square = x * x;
    double square_low = std::fma(x, x, -square);
    double total = sum + square;
    double back = total - sum;
    double error = (sum - (total - back)) + (square - back);
    sum = total;
    low += error + square_low;
  }
  double total = sum + low;
  double total_low = low - (total - sum);
  double h = std::sqrt(total);
  double residual = std::fma(-h, h, total) + total_low;
  h += residual / (2.0 * h);
  return h / scale * unscale;
}

// The norm of the magnitudes in `v` with CPython's special cases: an infinity wins over a NaN.
Value norm(std::vector<double>& v) {
  double max = 0.0;
  bool saw_nan = false;
  for (double& x : v) {
    x = std::fabs(x);
    if (std::isnan(x)) saw_nan = true;
    else if (x > max) max = x;
  }
  if (std::isinf(max)) return float_from_double(max);
  if (saw_nan) return float_from_double(NAN);
  return float_from_double(finite_norm(v, max));
}

Value math_hypot(Value, const Value* args, size_t nargs) {
  std::vector<double> v(nargs);
  for (size_t i = 0; i < nargs; ++i)
    if (!as_double(args[i], &v[i])) return Value();
  return norm(v);
}

// A point argument of dist: a tuple, or any iterable made into one.
Value point_tuple(Value v) {
  if (is_tuple(v)) return new_ref(v);
  return tuple_from_iterable(v);
}

Value math_dist(Value, const Value* args, size_t nargs) {
  if (!check_positional("dist", nargs, 2, 2)) return Value();
  Ref p = Ref::steal(point_tuple(args[0]));
  if (!p) return Value();
  Ref q = Ref::steal(point_tuple(args[1]));
  if (!q) return Value();
  size_t n = tuple_size(p.get());
  if (tuple_size(q.get()) != n) return raise(exc::ValueError, "both points must have the same number of dimensions");
  std::vector<double> v(n);
  for (size_t i = 0; i < n; ++i) {
    double a, b;
    if (!as_double(tuple_get(p.get(), i), &a) || !as_double(tuple_get(q.get(), i), &b)) return Value();
    v[i] = a - b;
  }
  return norm(v);
}

}  // namespace

#define FN(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef sum_functions[] = {
    FN("fsum", math_fsum, OneArg),
    FN("hypot", math_hypot, Fast),
    FN("dist", math_dist, Fast),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef FN

}  // namespace krait::modules::math
