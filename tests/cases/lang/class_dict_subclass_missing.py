# dict subclasses: __missing__ only for d[k]; get/in/setdefault bypass it; overridden __getitem__.
class Counter(dict):
    def __missing__(self, k):
        print("missing", k)
        return 0
c = Counter()
c["a"] += 1
c["a"] += 1
print(c, c.get("b"), "b" in c, c.setdefault("z", 5))
class Upper(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["x"] = 1
print(u["x"], u, u.get("x"), dict(u))
u2 = Upper({"q": 1})
print(u2)
