# Argument binding and CPython's TypeError messages.
def f(a, b=1, *, k): return (a, b, k)
def g(a, /, b): return (a, b)
def h(): pass
def m(a, b, c): pass
def v(*args, **kwargs): return args, sorted(kwargs.items())
class C:
    def meth(self, x): return x
print(f(1, k=2), f(1, 2, k=3), g(1, b=2), v(1, 2, x=3, y=4), v(*[1, 2], **{'z': 5}))
for call in ["f(1,2,3)", "f(1)", "f()", "f(1,k=1,z=2)", "f(1,a=1,k=2)", "g(a=1,b=2)",
             "h(1)", "h(1,2)", "m()", "m(1)", "C().meth()", "C().meth(1,2)",
             "f(1,2,3,k=4)", "h(**{1:2})", "h(*1)", "h(**1)", "f(1, k=1, **{'k':2})"]:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
def defaults(a, b=[], c={'x': 1}):
    b.append(a)
    return b, c
print(defaults(1), defaults(2))
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__, C.meth.__qualname__)
def kwonly(*, a=1, b): return a, b
print(kwonly(b=2), kwonly(a=3, b=4))
lam = lambda x, y=2: x * y
print(lam(3), lam(3, 3), (lambda *a: a)(1, 2))
