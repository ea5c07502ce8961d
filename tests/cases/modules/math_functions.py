import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sin(1), math.cos(1), math.tan(1), math.atan2(1, 2), math.hypot(3, 4), math.hypot(1, 2, 3))
print(math.floor(2.5), math.ceil(2.5), math.floor(-2.5), math.trunc(-2.7), math.floor(7), math.fabs(-3))
print(math.log(100, 10), math.log(8), math.log2(1024), math.log10(1000), math.log(10**400), math.pow(2, 10), math.exp(1))
print(math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1.0), math.copysign(3, -0.0), math.fmod(7, 3), math.degrees(math.pi), math.radians(180))
for f, a in [(math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1.5,)), (math.exp, (1000,)), (math.pow, (0.0, -1)), (math.pow, (10.0, 400)), (math.floor, (math.inf,)), (math.floor, (math.nan,)), (math.sqrt, ("x",)), (math.log, (2, 1)), (math.acos, (2,))]:
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
for k in [10**400, 3**1000, 2**1024, 2**1024 - 1, 2**2000 + 2**1900, 7**777, 10**309, 12345678901234567890**20]:
    print(math.log(k), math.log2(k), math.log10(k), math.log(k, 3))
