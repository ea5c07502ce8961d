def attempt(fn):
    try:
        print("ok", fn())
    except ZeroDivisionError as e:
        print(repr(e))
attempt(lambda: 1 / 0)
attempt(lambda: 1 // 0)
attempt(lambda: 1 % 0)
attempt(lambda: divmod(1, 0))
attempt(lambda: 1.0 / 0)
attempt(lambda: 1.0 // 0.0)
attempt(lambda: 1.0 % 0.0)
attempt(lambda: divmod(1.0, 0.0))
attempt(lambda: 0 ** -1)
attempt(lambda: 0.0 ** -1)
attempt(lambda: (1 + 1j) / 0)
attempt(lambda: 0j ** -1)
attempt(lambda: 10 ** 100 / 0)
attempt(lambda: (10 ** 100) % 0)
attempt(lambda: pow(0, -2))
attempt(lambda: True / False)
import fractions, decimal
attempt(lambda: fractions.Fraction(1, 0))
attempt(lambda: 5 % 0.0)
x = 0
try:
    x /= 0
except ZeroDivisionError as e:
    print("inplace:", e)
