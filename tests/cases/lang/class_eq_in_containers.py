# Container searches call __eq__: list.index/count/remove, in, dict lookups with hash collisions.
class Loud:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print(f"eq({self.v}, {getattr(o, 'v', o)})")
        return getattr(o, "v", o) == self.v
    def __hash__(self): return 1
items = [Loud(1), Loud(2), Loud(3)]
print(items.index(2))
print(items.count(3))
items.remove(1)
print(len(items), Loud(9) in items)
d = {Loud("a"): "A"}
print(d[Loud("a")])
d[Loud("b")] = "B"
print(len(d))
s = [1, 2, 3]
print(s.index(2.0), 2.0 in s, [float("nan")].count(float("nan")))
