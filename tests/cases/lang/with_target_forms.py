# with targets: tuples, attributes, subscripts; parenthesized multi-item with.
class CM:
    def __init__(self, v): self.v = v
    def __enter__(self): return self.v
    def __exit__(self, *a): return False
with CM((1, 2)) as (a, b):
    print(a, b)
class NS: pass
ns = NS()
d = {}
with CM("attr") as ns.x, CM("item") as d["k"]:
    print(ns.x, d)
with (
    CM(1) as one,
    CM(2) as two,
):
    print(one + two)
with (CM("p")) as p:
    print(p)
with CM([1, 2, 3]) as (first, *rest):
    print(first, rest)
