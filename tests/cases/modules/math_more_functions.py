# The math functions beyond the C library basics: integer functions, fsum/hypot/dist, gamma,
# frexp/ldexp/modf, nextafter/ulp, isclose, remainder, with CPython 3.11 results and messages.
import math
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: math.dist([1], [1, 2])); t(lambda: math.dist(1, 2)); t(lambda: math.dist([1,2],(3,'x'))); t(lambda: math.dist(iter([1]), [2]))
t(lambda: math.dist((1,2),(4,6))); t(lambda: math.dist([], [])); t(lambda: math.hypot()); t(lambda: math.hypot('x'))
t(lambda: math.factorial(-1)); t(lambda: math.factorial(1.5)); t(lambda: math.factorial(10**20)); t(lambda: math.factorial(True)); t(lambda: math.factorial(20))
t(lambda: math.comb(-1, 2)); t(lambda: math.comb(1, -2)); t(lambda: math.comb(10**20, 10**19)); t(lambda: math.comb(5, 7)); t(lambda: math.comb(1.5, 2)); t(lambda: math.comb(100, 50))
t(lambda: math.perm(-1, 2)); t(lambda: math.perm(1, -2)); t(lambda: math.perm(10**20, 10**19)); t(lambda: math.perm(5)); t(lambda: math.perm(5, 2)); t(lambda: math.perm(5, None)); t(lambda: math.perm(5, 7))
t(lambda: math.isqrt(-1)); t(lambda: math.isqrt(1.0)); t(lambda: math.isqrt(10**40+5))
t(lambda: math.gcd()); t(lambda: math.gcd(-12, 18, 27)); t(lambda: math.gcd(1.5, 2)); t(lambda: math.lcm()); t(lambda: math.lcm(4, -6, 0)); t(lambda: math.lcm(4, 6, 10)); t(lambda: math.gcd(2**100, 2**80*3))
t(lambda: math.prod([])); t(lambda: math.prod([1,2,3], start=2)); t(lambda: math.prod(['a'], start=3)); t(lambda: math.prod()); t(lambda: math.prod([1], 2)); t(lambda: math.prod([1.5, 2]))
t(lambda: math.fsum([math.inf, -math.inf])); t(lambda: math.fsum([1e308, 1e308])); t(lambda: math.fsum([0.1]*10)); t(lambda: math.fsum([math.nan, 1])); t(lambda: math.fsum(['a'])); t(lambda: math.fsum(5)); t(lambda: math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
t(lambda: math.ldexp(1.0, 10000)); t(lambda: math.ldexp(1.0, -10000)); t(lambda: math.ldexp(1.0, 1.5)); t(lambda: math.ldexp(1.0, 10**30)); t(lambda: math.ldexp(-1.0, -10**30)); t(lambda: math.ldexp(3, 4))
t(lambda: math.frexp(0.0)); t(lambda: math.frexp(math.inf)); t(lambda: math.frexp(12.5)); t(lambda: math.modf(-3.5)); t(lambda: math.modf(math.inf)); t(lambda: math.modf(-math.inf))
t(lambda: math.nextafter(1.0, 2.0)); t(lambda: math.nextafter(0.0, -1)); t(lambda: math.ulp(1.0)); t(lambda: math.ulp(math.inf)); t(lambda: math.ulp(-0.0)); t(lambda: math.ulp(1.7976931348623157e308)); t(lambda: math.ulp(math.nan))
t(lambda: math.isclose(1, 1.0000000001)); t(lambda: math.isclose(1, 2, rel_tol=-1)); t(lambda: math.isclose(1, 1.1, abs_tol=0.2)); t(lambda: math.isclose(math.inf, math.inf)); t(lambda: math.isclose(1, 2, 3))
t(lambda: math.gamma(0)); t(lambda: math.gamma(-1)); t(lambda: math.gamma(0.5)); t(lambda: math.gamma(200)); t(lambda: math.gamma(-math.inf)); t(lambda: math.gamma(5)); t(lambda: math.gamma(-0.5)); t(lambda: math.gamma(171.5)); t(lambda: math.gamma(-200.5)); t(lambda: math.gamma(1e-320))
t(lambda: math.lgamma(0)); t(lambda: math.lgamma(-2)); t(lambda: math.lgamma(0.5)); t(lambda: math.lgamma(1e308)); t(lambda: math.lgamma(-math.inf)); t(lambda: math.lgamma(-2.5))
t(lambda: math.erf(0.5)); t(lambda: math.erfc(0.5)); t(lambda: math.exp2(3)); t(lambda: math.exp2(2000)); t(lambda: math.expm1(1e-10)); t(lambda: math.expm1(1000)); t(lambda: math.log1p(-1)); t(lambda: math.log1p(-2)); t(lambda: math.cbrt(-27)); t(lambda: math.acosh(0.5)); t(lambda: math.atanh(1)); t(lambda: math.asinh(2))
t(lambda: math.remainder(5, 3)); t(lambda: math.remainder(5, 0)); t(lambda: math.remainder(math.inf, 3)); t(lambda: math.remainder(3, math.inf)); t(lambda: math.remainder(math.nan, 0))
t(lambda: math.hypot(3, 4)); t(lambda: math.hypot(1e308, 1e308)); t(lambda: math.hypot(1, 2, 3)); t(lambda: math.hypot(math.inf, math.nan)); t(lambda: math.hypot(-5)); t(lambda: math.hypot(1e-320, 1e-320))
t(lambda: math.sqrt(-1)); t(lambda: math.log(0)); t(lambda: math.floor(math.inf)); t(lambda: math.exp(1000)); t(lambda: math.pow(0, -1)); t(lambda: math.fmod(1, 0)); t(lambda: math.log(10, 1))
t(lambda: math.cos(math.inf)); t(lambda: math.sin(1e300)); t(lambda: math.tan(math.inf)); t(lambda: math.atan2(math.inf, math.inf)); t(lambda: math.pow(math.inf, 2)); t(lambda: math.pow(-8, 1/3)); t(lambda: math.pow(2, 5000))
t(lambda: math.comb(True, 1)); t(lambda: math.isqrt(True)); t(lambda: math.gcd(True, 4))
t(lambda: math.factorial()); t(lambda: math.sqrt(1, 2)); t(lambda: math.gcd(a=1)); t(lambda: math.comb(5)); t(lambda: math.ldexp(1.0)); t(lambda: math.isclose(1)); t(lambda: math.nextafter(1))
t(lambda: math.log(2**2000)); t(lambda: math.log2(2**2000)); t(lambda: math.log10(10**500))
t(lambda: [math.gamma(x/10) for x in range(1, 60, 7)]); t(lambda: [math.lgamma(x/10) for x in range(1, 60, 7)]); t(lambda: [math.erf(x/10) for x in range(-30, 30, 7)]); t(lambda: [math.erfc(x/10) for x in range(-30, 30, 7)])
print(sorted(dir(math)) == ['__doc__', '__loader__', '__name__', '__package__', '__spec__', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atan2', 'atanh', 'cbrt', 'ceil', 'comb', 'copysign', 'cos', 'cosh', 'degrees', 'dist', 'e', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'factorial', 'floor', 'fmod', 'frexp', 'fsum', 'gamma', 'gcd', 'hypot', 'inf', 'isclose', 'isfinite', 'isinf', 'isnan', 'isqrt', 'lcm', 'ldexp', 'lgamma', 'log', 'log10', 'log1p', 'log2', 'modf', 'nan', 'nextafter', 'perm', 'pi', 'pow', 'prod', 'radians', 'remainder', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'tau', 'trunc', 'ulp'])
print(sorted(dir(math)))
print(math.factorial(100), math.factorial(0), len(str(math.factorial(3000))))
print([math.comb(30, k) for k in range(0, 31, 5)], math.comb(10 ** 30, 3), math.perm(10 ** 20, 2), math.perm(30, 30))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 100), math.isqrt(2 ** 200 - 1))
print(math.gcd(0, 0), math.gcd(-5), math.lcm(-5), math.gcd(10 ** 40, 10 ** 30 * 7), math.lcm(2 ** 64, 3 ** 40))
print(math.prod(range(1, 20)), math.prod([0.5] * 4), math.prod([2, 3], start=1.5), math.prod([[1]], start=2))
import random
rng = random.Random(1)
for n in range(30):
    xs = [rng.uniform(-1e10, 1e10) * 10 ** rng.randint(-20, 20) for _ in range(rng.randint(1, 12))]
    print(math.fsum(xs), math.hypot(*xs), math.dist(xs, [0.5] * len(xs)))
print(math.fsum([1e16, 1.0, 1e-16]), math.fsum([0.1, 0.2, 0.3]), math.fsum(iter([1, 2, 3])), math.fsum([]))
print(math.hypot(1e-310, 1e-310), math.hypot(5e-324, 5e-324), math.hypot(1e200, 1e-200), math.hypot(3.0, -4.0, 12.0))
for x in [0.1, 0.5, 1.0, 2.5, 7, 23, 24, 25.5, 100.5, 170.5, -0.1, -1.5, -10.5, 1e-10]:
    print(x, math.gamma(x), math.lgamma(x), math.erf(x / 3), math.erfc(x / 3), math.expm1(x / 7), math.log1p(x / 7))
for x in [0.5, 2.0, 10.0, 1e300, 1e-300]:
    print(math.acosh(x + 1), math.asinh(x), math.atanh(x / 11), math.cbrt(x), math.exp2(x / 10))
