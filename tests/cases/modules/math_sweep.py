# Every math function over special and ordinary arguments (NaN, infinities, signed zeros, huge ints, bools,
# wrong types): results and error messages as CPython 3.11's.
import math
vals = [0.0, -0.0, 1, -1, 0.5, -0.5, 2, 3.7, -3.7, 1e-300, 1e300, -1e300, math.inf, -math.inf, math.nan, 10**400, True,
        -5, 710, -710, 1e-320, 0.9999999999, 1.0000001, 100, -100.5, 170.6, 2**53 + 1.0, "x", None, 1j]
unary = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil", "cos", "cosh", "degrees", "erf", "erfc",
         "exp", "exp2", "expm1", "fabs", "factorial", "floor", "frexp", "gamma", "isfinite", "isinf", "isnan", "isqrt",
         "lgamma", "log", "log10", "log1p", "log2", "modf", "radians", "sin", "sinh", "sqrt", "tan", "tanh", "trunc", "ulp"]
for name in unary:
    if name in ("factorial", "isqrt") : vals2 = [v for v in vals if not (isinstance(v, float) and v > 1e6)]
    else: vals2 = vals
    f = getattr(math, name)
    out = []
    for v in vals2:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(name, " | ".join(out))
binary = ["atan2", "copysign", "fmod", "pow", "remainder", "nextafter", "ldexp", "log", "hypot", "isclose", "comb", "perm", "gcd", "lcm"]
small = [0.0, -0.0, 1, -1, 0.5, 2, 3, -3.5, 1e300, math.inf, -math.inf, math.nan, 10**30, "x"]
for name in binary:
    f = getattr(math, name)
    out = []
    for a in small:
        for b in small:
            try:
                out.append(repr(f(a, b)))
            except Exception as e:
                out.append(type(e).__name__ + ":" + str(e))
    print(name, " | ".join(out))
