# and/or return operands and evaluate lazily; not always returns bool.
def v(x):
    print("eval", repr(x))
    return x
print(v(0) and v(1))
print(v(2) and v(3))
print(v("") or v("x"))
print(v("y") or v("z"))
print(v(None) or v(0) or v([]))
print(v(1) and v(2) and v(0) and v(3))
print(not v([]), not v([0]))
class B:
    def __bool__(self):
        print("bool called"); return False
print(B() or "fallback")
x = B() and "never"
print(type(x).__name__)
class L:
    def __len__(self): return 0
print(bool(L()), "empty" if not L() else "full")
class Bad:
    def __bool__(self): return 1
try:
    bool(Bad())
except TypeError as e:
    print("TypeError:", e)
