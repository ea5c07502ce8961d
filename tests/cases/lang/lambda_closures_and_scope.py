# Lambdas closing over loop variables, nonlocal-free counters, and recursion via names.
ops = {name: (lambda f: lambda a, b: f(a, b))(fn) for name, fn in [("add", lambda a, b: a + b), ("mul", lambda a, b: a * b)]}
print(ops["add"](2, 3), ops["mul"](2, 3))
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(10))
y_comb = lambda f: (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fib = y_comb(lambda self: lambda n: n if n < 2 else self(n - 1) + self(n - 2))
print(fib(15))
make = lambda: [lambda: i for i in range(3)]
print([f() for f in make()])
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=1, a=2))
print((lambda: __name__)(), (lambda: 0).__qualname__)
def outer():
    return lambda: lambda: outer.__name__
print(outer()()(), outer().__qualname__, outer()().__qualname__)
