# sorted/list.sort: stability, key, reverse, only __lt__ needed, errors mid-sort, modification during sort.
recs = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
class OnlyLt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"O{self.v}"
print(sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)]))
l = [3, 1, 2]
def bad_key(x):
    if x == 2:
        raise ValueError("key failed")
    return x
try:
    l.sort(key=bad_key)
except ValueError as e:
    print("ValueError:", e, l)
lst = [5, 4, 3]
def mutating(x):
    lst.append(x)
    return x
try:
    lst.sort(key=mutating)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
