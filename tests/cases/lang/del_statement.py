# del of names, list items, slices, dict keys, attributes; errors for missing targets.
a = 1
del a
try:
    a
except NameError as e:
    print("NameError:", e)
l = list(range(10))
del l[0]
del l[-1]
del l[1:3]
del l[::2]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O: pass
o = O(); o.x = 1
del o.x
print(vars(o))
x, y = 1, 2
del x, y
l2 = [1, 2, 3]
del (l2[0], l2[0])
print(l2)
for fn in [lambda: exec("del undefined_name"), lambda: d.__delitem__("zz")]:
    try:
        fn()
    except (NameError, KeyError) as e:
        print(type(e).__name__, e)
try:
    del l2[10]
except IndexError as e:
    print("IndexError:", e)
t = (1, 2)
del t[0]
