# Comparing deeply nested structures hits the recursion limit inside comparison.
a = []
b = []
cur_a, cur_b = a, b
for _ in range(5000):
    cur_a.append([]); cur_b.append([])
    cur_a, cur_b = cur_a[0], cur_b[0]
try:
    print(a == b)
except RecursionError as e:
    print("RecursionError:", e)
x = [1]
x.append(x)
y = [1]
y.append(y)
try:
    x == y
except RecursionError as e:
    print("RecursionError:", e)
print(x == x, x is x)
