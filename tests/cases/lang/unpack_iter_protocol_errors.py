# Unpacking consumes iterators exactly as needed; error messages.
def gen(n):
    for i in range(n):
        print("yield", i)
        yield i
a, b = gen(2)
print(a, b)
try:
    a, b = gen(3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = gen(1)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    a, *b = None
except TypeError as e:
    print("TypeError:", e)
x, = [1]
[y] = "z"
print(x, y)
