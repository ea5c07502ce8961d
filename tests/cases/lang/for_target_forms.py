# for-loop targets can be attributes, subscripts, and tuples; the variable survives the loop.
class NS: pass
ns = NS()
for ns.x in range(3):
    pass
print(ns.x)
d = {}
for d["k"] in "abc":
    print(d)
lst = [0, 0]
for lst[0], lst[1] in [(1, 2), (3, 4)]:
    print(lst)
for i in range(4):
    pass
print("i after loop", i)
for q in []:
    pass
try:
    print(q)
except NameError as e:
    print("NameError:", e)
