# gc.collect() return values for cycles of different shapes and sizes.
import gc
gc.disable()
gc.collect()
class N: pass
def report(label):
    print(label, gc.collect())
a = N(); a.me = a; del a
report("self cycle (instance)")
t = [N()]; t[0].back = t; del t
report("list <-> instance")
d1, d2 = {}, {}
d1["o"] = d2; d2["o"] = d1; del d1, d2
report("two dicts")
l = [[], []]; l[0].append(l); l[1].append(l[0]); del l
report("list triangle")
def f(): pass
f.self = f; del f
report("function self")
report("nothing left")
