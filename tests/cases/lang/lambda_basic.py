# Lambdas: arguments of every kind, defaults, closures, immediate calls.
f = lambda: "nothing"
g = lambda a, b=2, *args, c, d=4, **kw: (a, b, args, c, d, kw)
print(f(), g(1, c=3), g(1, 2, 3, c=5, e=6))
print((lambda x: x * 2)(21))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(f.__name__, f.__qualname__)
h = lambda x, /, y: x - y
print(h(5, y=2))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, lambda x: x + 1)(41))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
