# int(), float(), complex(), round(), abs(), bool(), index() through dunders.
import math
class Num:
    def __int__(self): return 7
    def __float__(self): return 7.5
    def __complex__(self): return 7 + 1j
    def __index__(self): return 3
    def __round__(self, nd=None): return f"round({nd})"
    def __trunc__(self): return 2
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n))
print(hex(n), "abcdef"[n], [0] * n if False else "index ok", operator_index := n.__index__())
class OnlyIndex:
    def __index__(self): return 5
print(int(OnlyIndex()), float(OnlyIndex()) if hasattr(float, "__index__") else "n/a")
class BadInt:
    def __int__(self): return "nope"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
class BadIndex:
    def __index__(self): return 1.5
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError:", e)
for bad in [lambda: int(object()), lambda: float("abc"), lambda: int("12", 1), lambda: complex("1+")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
