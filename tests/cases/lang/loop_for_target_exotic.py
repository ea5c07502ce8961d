# for-loop targets: attributes, subscripts, nested tuples, star.
class O: pass
o = O()
d = {}
lst = [0, 0, 0]
for o.attr in range(3):
    pass
print(o.attr)
for d["k"], lst[1] in [(1, 2), (3, 4)]:
    pass
print(d, lst)
for i, (a, *b) in enumerate(["xyz", "pq"]):
    print(i, a, b)
for [x, y] in {(1, 2)}:
    print(x, y)
for lst[0:2] in [[7, 8, 9]]:
    pass
print(lst)
try:
    for a, b in [(1, 2), (3,)]:
        print(a, b)
except ValueError as e:
    print("ValueError:", e)
