# Chained comparisons evaluate each operand once and stop early.
def v(x, tag):
    print("eval", tag)
    return x
print(v(1, "a") < v(2, "b") < v(3, "c"))
print(v(1, "a") < v(0, "b") < v(3, "c"))
print(v(1, "a") == v(1, "b") != v(2, "c") is not v(None, "d"))
x = 5
print(1 < x <= 5, 1 < x < 5, 0 <= x in [5, 6], "a" < "b" < "c" > "a")
print(1 < 2 > 0 == 0 < 3, (1 < 2) < 3, 1 < (2 < 3))
class Cmp:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        print("lt", self.n, o.n)
        return "truthy-string" if self.n < o.n else ""
r = Cmp(1) < Cmp(2) < Cmp(3)
print(repr(r))
r2 = Cmp(2) < Cmp(1) < Cmp(3)
print(repr(r2))
try:
    1 < "a" < 2
except TypeError as e:
    print("TypeError:", e)
