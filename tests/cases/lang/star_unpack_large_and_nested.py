# Starred assignment with nested patterns and large iterables.
first, *middle, last = range(1000)
print(first, len(middle), last, middle[:3])
(a, *b), (*c, d) = [1, 2, 3], "xyz"
print(a, b, c, d)
[x, [y, *z]] = (0, (1, 2, 3))
print(x, y, z)
*init, = "abc"
print(init)
try:
    a, *b, c, d = [1, 2]
except ValueError as e:
    print("ValueError:", e)
def g():
    yield from range(3)
h, *t = g()
print(h, t)
