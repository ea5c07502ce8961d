# Default values are evaluated once at definition time.
counter = 0
def make():
    global counter
    counter += 1
    print("default evaluated", counter)
    return counter
def f(a, b=make(), c=[]):
    c.append(a)
    return a, b, c
print(f(1))
print(f(2))
print(f(3, 0, []))
print(f(4))
print(f.__defaults__)
def g(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(g(1), g(2))
g.__defaults__ = ([99],)
print(g(5))
