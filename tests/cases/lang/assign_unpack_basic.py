# Tuple and list unpacking on the left-hand side, nested targets.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
[c, d] = "xy"
print(c, d)
(e, f), g = [3, 4], 5
print(e, f, g)
h, (i, (j, k)) = 1, (2, (3, 4))
print(h, i, j, k)
for p, q in [(1, 'a'), (2, 'b')]:
    print(p, q)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
