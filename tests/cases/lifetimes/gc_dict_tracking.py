# Dicts start untracked and become tracked once they hold a container, as in CPython.
import gc
d = {}
print(gc.is_tracked(d))
d["a"] = 1; d[2] = "x"; d[(1, 2)] = None
print(gc.is_tracked(d))
d["l"] = []
print(gc.is_tracked(d))
print(gc.is_tracked(dict()), gc.is_tracked(dict(a=1)), gc.is_tracked(dict(a=[])))
print(gc.is_tracked({i: i for i in range(3)}), gc.is_tracked({i: [i] for i in range(3)}))
class D(dict): pass
print(gc.is_tracked(D()))
e = {"x": 1}
e.update({"y": 2})
print(gc.is_tracked(e), gc.is_tracked(e.copy()))
print(gc.is_tracked({"k": object()}))
