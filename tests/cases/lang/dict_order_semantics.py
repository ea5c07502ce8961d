# Dicts keep insertion order; deleting and reinserting moves a key to the end.
d = {"a": 1, "b": 2, "c": 3}
d["a"] = 10
print(list(d))
del d["a"]
d["a"] = 1
print(list(d), d)
print({1: 1, 2: 2} == {2: 2, 1: 1}, list(reversed(d)))
k = d.keys()
d["z"] = 26
print(k, "z" in k, k & {"a", "q"}, k - {"a"} == {"b", "c", "z"})
print(d.items() | {("x", 0)} >= {("x", 0)})
