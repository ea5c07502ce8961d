# Instance __dict__s (split tables in krait: keys shared between instances, values per dict):
# order, deletion, re-insertion, non-str keys, clear, popitem, copies, many attributes, and the
# specialized attribute forms reading them while dicts change representation.
import gc
import weakref


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def show(label, o):
    d = o.__dict__
    print(label, d, list(d), list(d.values()), list(reversed(d.items())), len(d))


a, b = P(1, 2), P(3, 4)
b.z = 5
show("a", a)
show("b", b)
c = P(6, 7)
c.z = 8
c.w = 9
show("c", c)
del c.y
show("c-y", c)
c.y = 10
show("c+y", c)
print(c.y, c.x, hasattr(c, "q"))

# Other insertion orders share nothing and keep their own order.
class Q:
    def __init__(self, first):
        if first:
            self.a = 1
            self.b = 2
        else:
            self.b = 2
            self.a = 1


show("q1", Q(True))
show("q2", Q(False))

# Non-str and non-interned keys through __dict__.
d = P(1, 2)
d.__dict__[5] = "five"
d.__dict__["x" + str(len("ab"))] = "dyn"
show("d", d)
print(d.x2, getattr(d, "x" + "2"))

# clear, popitem, pop, setdefault, update, copy, equality.
e = P(1, 2)
print(e.__dict__.popitem(), e.__dict__)
e.__dict__.clear()
show("e", e)
e.k = 1
show("e+k", e)
f = P(3, 4)
print(f.__dict__.pop("x"), f.__dict__.pop("nope", None), f.__dict__)
print(f.__dict__.setdefault("y", 0), f.__dict__.setdefault("n", 9), f.__dict__)
g = P(5, 6)
g.__dict__.update({"y": 60, "m": 7}, t=8)
show("g", g)
print(g.__dict__.copy(), dict(g.__dict__), g.__dict__ == {"x": 5, "y": 60, "m": 7, "t": 8}, P(1, 2).__dict__ == P(1, 2).__dict__)
print(vars(P(0, 0)) | {"z": 1}, {"w": 0} | vars(P(0, 0)))

# Many attributes: past the sharing limit.
h = P(0, 0)
for i in range(50):
    setattr(h, "attr%d" % i, i)
print(len(vars(h)), h.attr49, list(vars(h))[:5], list(vars(h))[-3:])
del h.attr10
print(len(vars(h)), "attr10" in vars(h), list(vars(h))[10:13])

# Iteration while values change (allowed) and while keys are added (an error).
k = P(1, 2)
for name in k.__dict__:
    k.__dict__[name] *= 10
print(k.__dict__)
try:
    for name in k.__dict__:
        k.extra = 1
except RuntimeError as exc:
    print("RuntimeError:", exc)
try:
    for name in list(k.__dict__):
        del k.__dict__[name]
        k.__dict__[name + "_"] = 0
    print(k.__dict__)
except RuntimeError as exc:
    print("RuntimeError:", exc)


# Specialized loads and stores over instances whose dicts change shape.
def total(objs):
    s = 0
    for o in objs:
        s += o.x
        o.y = s
    return s


objs = [P(i, 0) for i in range(40)]
for i, o in enumerate(objs):
    if i % 3 == 0:
        o.extra = i
    if i % 5 == 0:
        del o.y
        o.y = -1
    if i % 7 == 0:
        o.__dict__.clear()
        o.x = 100
for _ in range(5):
    print(total(objs), end=" ")
print()
print([o.y for o in objs[:8]], sorted(vars(objs[21])))

# The collector sees values held by instance dicts.
class Node:
    pass


n1, n2 = Node(), Node()
n1.other, n2.other = n2, n1
n1.payload = [1, 2]
print(len(gc.get_referents(n1.__dict__)), n1.__dict__["other"] is n2)
r = weakref.ref(n2)
del n1, n2
gc.collect()
print(r() is None)

# A dict used as globals.
ns = P(1, 2).__dict__
exec("z = x + y\nfor i in range(3): z += x", ns)
print(ns["z"], sorted(k for k in ns if k != "__builtins__"))
