def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(), c(10))
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])
def late():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(late())
x = 'global'
def read_global():
    return x
def shadow():
    x = 'local'
    def inner():
        return x
    return inner()
print(read_global(), shadow())
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def free_unbound():
    def inner():
        return z
    r = inner
    z = 1
    del z
    return r()
try:
    free_unbound()
except NameError as e:
    print(type(e).__name__, e)
print(c.__closure__[0].cell_contents)
