# Augmented assignment to subscripts and attributes evaluates the target once.
class Obj:
    def __init__(self):
        self.v = 1
def get_obj():
    print("get_obj")
    return o
o = Obj()
get_obj().v += 10
print(o.v)
calls = []
def idx():
    calls.append("idx")
    return 1
lst = [10, 20, 30]
lst[idx()] *= 3
print(lst, calls)
d = {"a": [1]}
d["a"] += [2]
print(d)
class Tracer(dict):
    def __getitem__(self, k):
        print("getitem", k)
        return super().__getitem__(k)
    def __setitem__(self, k, v):
        print("setitem", k, v)
        super().__setitem__(k, v)
tr = Tracer(n=1)
tr["n"] += 5
print(tr)
