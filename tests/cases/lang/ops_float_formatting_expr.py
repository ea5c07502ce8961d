# Float repr and arithmetic edge cases through expressions.
vals = [0.1, 1 / 3, 1e16, 1e22, 1.5e-7, 123456789.123456789, -0.0, 2.5e-324, 1.7976931348623157e308]
for v in vals:
    print(repr(v), str(v), v == float(repr(v)))
print(0.1 * 3, 1.1 + 2.2, 100 * 1.1, 3 * 0.1 == 0.3)
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(1.25, 1), round(1.35, 1))
print(int(1e20), int(-1.9), float("  -1.5e3 "), float("inf") * 0, -float("nan") != 0)
print(5 % 3.0, -5 % 3.0, 5.5 // 2, -5.5 // 2, divmod(5.0, -3))
print((0.1).as_integer_ratio(), (2.5).is_integer(), 1e300 * 1e10 == float("inf"))
print(max(1, 1.0), min(1.0, 1), 1 == 1.0 == True, hash(1.0) == hash(1))
