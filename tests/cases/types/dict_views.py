d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("a", 1) in i, ("a", 2) in i)
d["d"] = 4
print(k, list(v), list(reversed(i)))
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, k ^ {"a", "q"}, i & {("a", 1)}, k == {"a", "b", "c", "d"})
print(k.isdisjoint({"x"}), k <= {"a", "b", "c", "d", "e"}, i - {("a", 1)})
print(type(k).__name__, type(v).__name__, type(i).__name__, k.mapping, repr(k.mapping["a"]))
try:
    v == v
    print(v == d.values())
    v | {1}
except TypeError as e:
    print(e)
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
try:
    for key in d.keys():
        del d["a"]
except RuntimeError as e:
    print(e)
print(d)
print(sorted(d.items(), key=lambda kv: -kv[1]), max(d, key=d.get), min(d.values()))
it = iter(d.items())
print(next(it), next(it), list(it))
