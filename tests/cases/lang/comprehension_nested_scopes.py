# Nested comprehensions: each has its own scope; loop vars do not leak.
x = "outer"
m = [[x * y for y in range(3)] for x in range(3)]
print(m, x)
flat = [v for row in m for v in row if v]
print(flat)
print({k: [k * i for i in range(k)] for k in range(4)})
print(sorted({(a, b) for a in range(3) for b in range(a)}))
def f():
    n = 3
    return [[n + i + j for j in range(i)] for i in range(n)]
print(f())
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print("NameError:", e)
print([i for i in range(3)] + [i for i in "ab"])
t = [(i, j) for i in range(3) if i for j in range(i) if j != 1]
print(t)
