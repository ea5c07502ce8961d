// math's integer functions over GMP: factorial, comb, perm, isqrt, gcd, lcm, and prod (any
// objects that multiply). Arguments go through __index__, with CPython 3.11's messages.
#include <climits>
#include <cstdint>

#include "modules/math_internal.h"
#include "modules/native_args.h"
#include "runtime/abstract.h"
#include "runtime/args.h"
#include "runtime/int.h"
#include "runtime/number_util.h"

namespace krait::modules::math {

using namespace runtime;

namespace {

// An __index__ argument as an mpz; false + TypeError.
bool index_mpz(Value v, mpz_class* out) {
  Ref i = Ref::steal(number_index(v));
  if (!i) return false;
  *out = int_to_mpz(i.get());
  return true;
}

bool fits_long(const mpz_class& z) { return mpz_fits_slong_p(z.get_mpz_t()) != 0; }

Value math_factorial(Value, Value arg) {
  mpz_class n;
  if (!index_mpz(arg, &n)) return Value();
  if (!fits_long(n)) {
    if (n < 0) return raise(exc::ValueError, "factorial() not defined for negative values");
    return raise_format(exc::OverflowError, "factorial() argument should not exceed %ld", LONG_MAX);
  }
  if (n < 0) return raise(exc::ValueError, "factorial() not defined for negative values");
  mpz_class r;
  mpz_fac_ui(r.get_mpz_t(), n.get_ui());
  return int_from_mpz(r);
}

Value math_isqrt(Value, Value arg) {
  mpz_class n;
  if (!index_mpz(arg, &n)) return Value();
  if (n < 0) return raise(exc::ValueError, "isqrt() argument must be nonnegative");
  mpz_class r;
  mpz_sqrt(r.get_mpz_t(), n.get_mpz_t());
  return int_from_mpz(r);
}

Value math_gcd(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("math.gcd", kwnames)) return Value();
  mpz_class g = 0, x;
  for (size_t i = 0; i < nargs; ++i) {
    if (!index_mpz(args[i], &x)) return Value();
    mpz_gcd(g.get_mpz_t(), g.get_mpz_t(), x.get_mpz_t());
  }
  return int_from_mpz(g);
}

Value math_lcm(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_no_keywords("math.lcm", kwnames)) return Value();
  mpz_class l = 1, x;
  for (size_t i = 0; i < nargs; ++i) {
    if (!index_mpz(args[i], &x)) return Value();
    mpz_lcm(l.get_mpz_t(), l.get_mpz_t(), x.get_mpz_t());
  }
  return int_from_mpz(l);
}

// n! / (n-k)! for 0 <= k <= n, k fitting an unsigned long.
mpz_class falling_factorial(const mpz_class& n, unsigned long k) {
  if (mpz_fits_ulong_p(n.get_mpz_t())) {
    mpz_class b, f;
    mpz_bin_uiui(b.get_mpz_t(), n.get_ui(), k);
    mpz_fac_ui(f.get_mpz_t(), k);
    return b * f;
  }
  mpz_class r = 1, term = n;
  for (unsigned long i = 0; i < k; ++i, --term) r *= term;
  return r;
}

bool two_indices(const char* name, const Value* args, size_t nargs, size_t min, mpz_class* n, mpz_class* k,
                 bool* has_k) {
  if (!check_positional(name, nargs, min, 2)) return false;
  if (!index_mpz(args[0], n)) return false;
  *has_k = nargs == 2 && !args[1].is(none());
  if (*has_k && !index_mpz(args[1], k)) return false;
  if (*n < 0) return raise(exc::ValueError, "n must be a non-negative integer"), false;
  if (*has_k && *k < 0) return raise(exc::ValueError, "k must be a non-negative integer"), false;
  return true;
}

Value math_comb(Value, const Value* args, size_t nargs) {
  mpz_class n, k;
  bool has_k;
  if (!two_indices("comb", args, nargs, 2, &n, &k, &has_k)) return Value();
  if (k > n) return int_from_int64(0);
  mpz_class smaller = n - k < k ? mpz_class(n - k) : k;
  if (!mpz_fits_slong_p(smaller.get_mpz_t()))
    return raise_format(exc::OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
  mpz_class r;
  mpz_bin_ui(r.get_mpz_t(), n.get_mpz_t(), smaller.get_ui());
  return int_from_mpz(r);
}

Value math_perm(Value self, const Value* args, size_t nargs) {
  mpz_class n, k;
  bool has_k;
  if (!two_indices("perm", args, nargs, 1, &n, &k, &has_k)) return Value();
  if (!has_k) return math_factorial(self, args[0]);
  if (k > n) return int_from_int64(0);
  if (!mpz_fits_slong_p(k.get_mpz_t()))
    return raise_format(exc::OverflowError, "k must not exceed %lld", LLONG_MAX);
  return int_from_mpz(falling_factorial(n, k.get_ui()));
}

// prod(iterable, /, *, start=1): start * item * item ...
Value math_prod(Value, const Value* args, size_t nargs, Value kwnames) {
  size_t nkw = keyword_count(kwnames);
  if (nargs != 1)
    return raise_format(exc::TypeError, "prod() takes exactly 1 positional argument (%zu given)", nargs);
  Value a[2];
  if (!bind_args({"prod", {"iterable", "start"}, 1, 1, 1}, args, nargs, kwnames, a)) return Value();
  (void)nkw;
  Ref result = a[1] ? Ref::borrow(a[1]) : Ref::steal(int_from_int64(1));
  Ref it = Ref::steal(get_iter(a[0]));
  if (!it) return Value();
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (error_occurred()) return Value();
      break;
    }
    result = Ref::steal(binary_op(result.get(), item.get(), BinaryOp::Multiply));
    if (!result) return Value();
  }
  return result.release();
}

}  // namespace

#define FN(name, fn, kind) {name, reinterpret_cast<void*>(&fn), MethodKind::kind}
const MethodDef integer_functions[] = {
    FN("factorial", math_factorial, OneArg),
    FN("isqrt", math_isqrt, OneArg),
    FN("gcd", math_gcd, FastKeywords),
    FN("lcm", math_lcm, FastKeywords),
    FN("comb", math_comb, Fast),
    FN("perm", math_perm, Fast),
    FN("prod", math_prod, FastKeywords),
    {nullptr, nullptr, MethodKind::NoArgs},
};
#undef FN

}  // namespace krait::modules::math
