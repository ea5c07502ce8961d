# Lambdas referring to themselves by name, defaults evaluated at definition, nested lambdas.
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
base = 10
f = lambda x, b=base: x + b
base = 20
print(f(1), (lambda x: x + base)(1))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
print((lambda *a, **k: (a, k))(1, x=2))
print(sorted([(1, "b"), (0, "c"), (1, "a")], key=lambda t: (-t[0], t[1])))
try:
    (lambda: undefined_in_lambda)()
except NameError as e:
    print("NameError:", e)
