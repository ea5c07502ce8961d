print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({"b": 1, "a": 2}.items()))
print(sorted(["b", "A", "c"], key=str.lower), sorted([(2, "b"), (1, "z"), (2, "a")], key=lambda t: t[0]))
print(sorted([-3, 2, -1], key=abs, reverse=True), sorted(range(10), key=lambda x: (x % 3, -x)))
print(sorted([1.5, float("inf"), -2, 0]), sorted([[3], [1, 2], []]), sorted([b"b", b"a"]), sorted({3, 1, 2}))
for call in [lambda: sorted(), lambda: sorted([1], lambda x: x), lambda: sorted([1, "a"]), lambda: sorted(5),
             lambda: sorted([1], key=5), lambda: sorted([{}, {}])]:
    try:
        print(call())
    except TypeError as e:
        print(e)
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"K{self.v}"
print(sorted([K(3), K(1), K(2)]), min(K(5), K(4)), max([K(1), K(9)]))
