# Lambdas and comprehensions nested: each comprehension scope is separate.
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
matrix = [[(lambda i=i, j=j: i * j)() for j in range(3)] for i in range(3)]
print(matrix)
def outer():
    k = 100
    return [(lambda: k + i)() for i in range(2)]
print(outer())
print((lambda: [y for y in range(3)])())
print([[x for x in range(i)] for i in range(3)])
