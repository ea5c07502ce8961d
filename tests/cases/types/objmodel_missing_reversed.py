class D(dict):
    def __missing__(self, k):
        self[k] = len(self)
        return self[k]
d = D()
print(d["a"], d["b"], d["a"], d, d.get("z"), "z" in d)
from collections import defaultdict, Counter, OrderedDict
dd = defaultdict(list)
dd["x"].append(1)
print(dd, dd["y"], dict(dd), repr(defaultdict(int)))
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:4])
od = OrderedDict(a=1, b=2)
od.move_to_end("a")
print(od, list(od), od == {"b": 2, "a": 1})
class R:
    def __reversed__(self):
        return iter([3, 2, 1])
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i
print(list(reversed(R())))
class SubList(list):
    def __getitem__(self, i):
        return ("custom", i)
sl = SubList([1, 2])
print(sl[0], list(sl), sl, len(sl), [x for x in sl])
