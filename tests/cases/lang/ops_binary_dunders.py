# Binary operators: __op__, then reflected __rop__; subclass reflected first.
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): print("V.add"); return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): print("V.radd"); return V(o + self.v)
    def __mul__(self, o): return NotImplemented
    def __rmul__(self, o): print("V.rmul"); return V(o * self.v)
    def __matmul__(self, o): return f"matmul {self.v} {o.v}"
    def __repr__(self): return f"{type(self).__name__}({self.v})"
class W(V):
    def __radd__(self, o): print("W.radd"); return W(1000)
print(V(1) + V(2))
print(1 + V(2))
print(3 * V(2))
print(V(1) + W(2))
print(V(1) @ V(2))
for name, fn in [("sub", lambda: V(1) - V(2)), ("mul", lambda: V(1) * 2),
                 ("pow", lambda: V(1) ** 2), ("str+int", lambda: "a" + 1),
                 ("int+str", lambda: 1 + "a"), ("list*list", lambda: [1] * [2])]:
    try:
        fn()
    except TypeError as e:
        print(name, "TypeError:", e)
