class P:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return 2
    def __iter__(self):
        return iter([self.v, self.v * 2])
    def __contains__(self, x):
        return x == "in"
    def __index__(self):
        return self.v
    def __float__(self):
        return 0.5
    def __int__(self):
        return 9
    def __complex__(self):
        return 1j
    def __bytes__(self):
        return b"bytes!"
    def __bool__(self):
        return False
    def __round__(self, n=None):
        return "rounded"
    def __trunc__(self):
        return 4
    def __abs__(self):
        return "absolute"
p = P(3)
print(len(p), list(p), "in" in p, [0, 1, 2, 3, 4][p], hex(p), float(p), int(p), complex(p), bytes(p), bool(p), round(p), abs(p))
print(sum(p), max(p), sorted(p, reverse=True), tuple(p), set(p) == {3, 6}, dict(zip(p, "ab")), range(p), "x" * p)
import math, operator
print(math.trunc(p), operator.index(p), p.__index__())
class OnlyIndex:
    def __index__(self):
        return 5
print(int(OnlyIndex()), float(OnlyIndex()) if False else "float skipped", complex(OnlyIndex()) if False else "", bin(OnlyIndex()))
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print(e)
class BadFloat:
    def __float__(self):
        return 1
try:
    float(BadFloat())
except TypeError as e:
    print(e)
class BadIndex:
    def __index__(self):
        return 1.5
try:
    [1][BadIndex()]
except TypeError as e:
    print(e)
