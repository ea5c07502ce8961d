square = lambda v: v * v
data = [1, 2, "3"]
print([square(x) + 1 for x in data])
