# Lambdas with every argument kind and defaults.
f = lambda a, b=2, /, c=3, *args, d=4, **kw: (a, b, c, args, d, kw)
print(f(1))
print(f(1, 2, 3, 4, 5, d=6, e=7))
adders = [lambda x, n=n: x + n for n in range(3)]
print([g(10) for g in adders])
compose = lambda *fs: lambda x: [x := fn(x) for fn in fs][-1]
print(compose(lambda v: v + 1, lambda v: v * 3)(4))
print((lambda: (yield))  .__code__.co_flags & 0x20 != 0)
print((lambda *, k: k)(k="kw"))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
try:
    (lambda x: x)()
except TypeError as e:
    print("TypeError:", e)
