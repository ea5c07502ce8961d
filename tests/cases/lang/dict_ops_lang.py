# Dict operations used in everyday code: get/setdefault/pop/update/merge, KeyError messages.
d = {"a": 1}
print(d.get("b"), d.get("b", 0), d.setdefault("c", 3), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
d.update({"x": 1}, y=2)
print(d, d | {"x": 100}, {**d, "z": 0})
d |= {"w": 9}
print(list(d.keys()), list(d.values()), list(d.items())[:2])
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
print(dict(zip("ab", [1, 2])), dict([("k", "v")]), dict(a=1), dict.fromkeys([1, 2]))
print({(1, 2): 3}[1, 2])
d2 = {}
d2[[1]] = 1
