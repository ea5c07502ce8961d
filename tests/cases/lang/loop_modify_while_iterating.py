# Mutating containers while iterating over them.
lst = [1, 2, 3]
for x in lst:
    if x < 4:
        lst.append(x + 3)
print(lst)
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 100)
except RuntimeError as e:
    print("RuntimeError:", e)
l2 = [1, 2, 3, 4]
for x in l2:
    l2.remove(x)
print(l2)
