# Integer and float edge arithmetic in expressions.
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, divmod(-7, 2))
print(-7.0 // 2, -7.0 % 2, 7.5 % -2, divmod(-7.5, 2))
print(2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 3 ** 2, pow(2, 10, 1000), pow(3, -1, 7))
print(10 ** 20 + 1, (10 ** 20) // 3, -(10 ** 20) // 7, (2 ** 64) % 1000)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e308 * 10, -1e308 * 10, 1e-320)
inf = float("inf")
nan = float("nan")
print(inf - inf, nan == nan, nan != nan, inf > 10 ** 400, 0.0 == -0.0, repr(-0.0))
print(1 / 3, 2 / 3, 10 / 4, 2 ** 0.5, (-8) ** (1 / 3))
print(int(2.9), int(-2.9), round(2.5), round(3.5), round(-0.5), round(2.675, 2))
print(7 // 0.5, 1 << 70, -1 >> 5, ~0, ~-(2 ** 65))
print(True + True, True * 3.5, 3 // True, -True)
for expr in ["1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "0 ** -1", "2 ** 10000.0", "1 << -1"]:
    try:
        print(eval(expr))
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(expr, "->", type(e).__name__ + ":", e)
