# del on names, attributes, subscripts, slices, and tuples of targets.
class Obj:
    pass
o = Obj()
o.a, o.b = 1, 2
d = {"k": 1, "j": 2, "i": 3}
lst = list(range(10))
x = y = 5
del o.a, d["k"], lst[0], lst[2:5], x
print(vars(o), d, lst)
del lst[::2]
print(lst)
del (y), [d["j"]]
print(d, "y" in dir())
for stmt in ["del x", "del o.a", "del d['zz']", "del lst[100]", "del undefined"]:
    try:
        exec(stmt)
    except (NameError, AttributeError, KeyError, IndexError) as e:
        print(type(e).__name__ + ":", e)
def f():
    v = 1
    del v
    return v
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
