# Unary operators dispatch to __neg__, __pos__, __invert__, __abs__.
class N:
    def __init__(self, v): self.v = v
    def __neg__(self): return N(-self.v)
    def __pos__(self): return N(self.v + 1000)
    def __invert__(self): return "inverted"
    def __abs__(self): return "abs!"
    def __repr__(self): return f"N({self.v})"
n = N(3)
print(-n, +n, ~n, abs(n))
try:
    -"x"
except TypeError as e:
    print("TypeError:", e)
try:
    ~1.5
except TypeError as e:
    print("TypeError:", e)
print(-True, ~True, +False)
