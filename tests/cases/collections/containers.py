l = [5, 3, 8, 1, 9, 2]
l.sort()
print(l, sorted(l, reverse=True), sorted(["b", "A", "c"], key=str.lower))
l[1:3] = ["x", "y", "z"]
print(l)
del l[::2]
print(l, l * 2, [1, 2] + [3], l.index("z"), l.count(9))
r = [1]
r.append(r)
print(r, (1,), (1, 2), ())
d = {"a": 1, "b": 2}
d["c"] = 3
del d["a"]
d["a"] = 4
print(d, list(d.keys()), list(d.values()), list(d.items()), d.get("zz", 0), d.pop("b"), d)
e = {}
e[1] = e
print(e, dict(a=1, b=2), dict([(1, 2)]), dict.fromkeys("ab", 0), {1: 2} | {3: 4})
print(list(reversed(d)), d.setdefault("q", []), d.popitem(), d)
print(hash((1, 2, 3)), hash((1, (2, 3))), hash(("a",)))
print((1, 2) < (1, 3), [1, 2] == [1, 2], {1: 2} == {1: 2}, (1, 2, 3)[::-1], [1, 2, 3][-1])
try:
    for k in d:
        d[k + "x"] = 1
except RuntimeError as ex:
    print(ex)
for bad in ["[][0]", "{}['k']", "[].pop()", "[1].remove(2)", "[1].index(2)", "(1,).index(2)", "[3, 'a'].sort()", "{}.popitem()"]:
    try:
        eval(bad)
    except Exception as ex:
        print(type(ex).__name__, ex)
import sys
print(sys.getsizeof({}), sys.getsizeof({1: 2}), sys.getsizeof([]), sys.getsizeof("abc"), sys.getsizeof("é"))
