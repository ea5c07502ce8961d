# Augmented subscript assignment reads the target before the right side; unhashable key uncaught.
a = [1]
a[0] += a.pop() if False else 10
print(a)
b = [5, 6]
b[0] += b.pop()
print(b)
d = {}
d.setdefault("k", []).append(1)
print(d)
cache = {(1, 2): "tuple key ok"}
print(cache[1, 2])
cache[[1, 2]] = "list key"
