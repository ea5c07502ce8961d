# Combined: a Vector class with arithmetic, comparison, hashing, iteration and formatting.
class Vector:
    def __init__(self, *c): self.c = tuple(c)
    def __add__(self, o): return Vector(*(a + b for a, b in zip(self.c, o.c)))
    def __sub__(self, o): return Vector(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        if isinstance(k, Vector):
            return sum(a * b for a, b in zip(self.c, k.c))
        return Vector(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __neg__(self): return self * -1
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __eq__(self, o): return isinstance(o, Vector) and self.c == o.c
    def __hash__(self): return hash(self.c)
    def __iter__(self): return iter(self.c)
    def __len__(self): return len(self.c)
    def __getitem__(self, i): return self.c[i]
    def __bool__(self): return any(self.c)
    def __repr__(self): return f"Vector{self.c}"
    def __format__(self, spec): return "<" + ", ".join(format(a, spec) for a in self.c) + ">"
v, w = Vector(1, 2), Vector(3, 4)
print(v + w, w - v, v * 3, 3 * v, v * w, -v, abs(w))
print(v == Vector(1, 2), v != w, len({v, Vector(1, 2), w}), bool(Vector(0, 0)))
x, y = v
print(x, y, v[1], list(w), f"{w:.2f}")
total = Vector(0, 0)
for vec in [v, w, v]:
    total += vec
print(total)
