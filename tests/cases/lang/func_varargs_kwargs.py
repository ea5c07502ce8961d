# *args collects extra positionals as a tuple, **kwargs extra keywords as a dict.
def f(a, *args, **kwargs):
    return a, args, kwargs
print(f(1))
print(f(1, 2, 3))
print(f(1, x=2, y=3))
print(f(1, 2, z=3, a2=4))
print(f(*range(4), **dict(k=1)))
def g(*args): return type(args).__name__, args
print(g(), g(*[1, 2]))
def h(**kw): return sorted(kw.items())
print(h(b=2, a=1))
print(h(**{'odd key': 1, '': 2}))
