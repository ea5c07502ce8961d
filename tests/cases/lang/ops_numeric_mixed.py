# Mixed int/float/complex arithmetic and exact comparisons between int and float.
print(1 == 1.0 == 1 + 0j, 2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(10 ** 20 < 1e20 + 1, 10 ** 400 > 1e308, -10 ** 400 < float("-inf"))
print(1 + 2.0, 3 * 1j, 2 / 1, type(2 / 1).__name__, 7 // 2.0, 2 ** 0.5, (-8) ** (1 / 3))
print(hash(1.0) == hash(1), hash(2 ** 61 - 1), hash(-1), hash(0.5), hash(float("inf")))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan], nan is nan)
print(max(1, 2.0), min(-0.0, 0), max(0, -0.0), round(0.5), round(1.5), round(-2.5))
print(int(-3.9), int(3.9), round(3.14159, 3), round(1234, -2), round(1250, -2))
print(float(10 ** 308), abs(-2 ** 63), (2 ** 64) % 1000, -7 % 3.5)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
