d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("z", None), d.setdefault("d", 4), d.setdefault("a", 99), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
del d["x"]
print(d, dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({1: 2}, c=3), dict(zip("ab", range(2))))
print({1: "a"} | {2: "b"}, {1: "a", 2: "b"} | {1: "c"})
e = {1: 1}
e |= {2: 2}
print(e, e == {2: 2, 1: 1}, e.copy(), {k: v for k, v in [(1, 2)]})
print({1: 1, True: 2, 1.0: 3}, {0: "a", False: "b"}, {(1, 2): 3, None: 4, 2.5: 5, "s": 6})
d2 = {i: i for i in range(10)}
for k in range(0, 10, 2):
    del d2[k]
d2[0] = "back"
print(d2, list(reversed(d2)), dict.__mro__)
e.clear()
print(e, {}.get(1), repr({}), str({"q": [1]}))
x = {}
x["self"] = x
print(x)
