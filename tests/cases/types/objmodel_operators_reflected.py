class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("V.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("V.__radd__")
        return "radd"
    def __iadd__(self, o):
        print("V.__iadd__")
        return NotImplemented
class W(V):
    def __radd__(self, o):
        print("W.__radd__")
        return "W radd"
def t(fn):
    try:
        print(fn())
    except TypeError as e:
        print("TypeError:", e)
t(lambda: V(1) + V(2))
t(lambda: 1 + V(1))
t(lambda: V(1) + W(2))
def iadd():
    x = V(1)
    x += 5
    return x
t(iadd)
class N:
    def __add__(self, o):
        return NotImplemented
try:
    N() + N()
except TypeError as e:
    print(e)
class Mul:
    def __mul__(self, o):
        return "mul"
    def __rmul__(self, o):
        return "rmul"
print(Mul() * 2, 2 * Mul(), [1] * 2, "ab" * 2)
class Idx:
    def __index__(self):
        return 2
print([1, 2, 3][Idx()], "abc" * Idx(), Idx() * "x" if False else "skip", bin(Idx()), range(10)[Idx()], [0, 1, 2, 3][Idx():])
class Mat:
    def __matmul__(self, o):
        return "matmul"
    def __rmatmul__(self, o):
        return "rmatmul"
print(Mat() @ 1, 1 @ Mat())
class Pow:
    def __pow__(self, o, mod=None):
        return ("pow", o, mod)
    def __rpow__(self, o):
        return ("rpow", o)
print(Pow() ** 2, 2 ** Pow(), pow(Pow(), 2, 5))
class Neg:
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __invert__(self): return "inv"
    def __abs__(self): return "abs"
print(-Neg(), +Neg(), ~Neg(), abs(Neg()))
