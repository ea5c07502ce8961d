# Every parameter kind in one signature.
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(f(1, d=4))
print(f(1, 20, 30, 40, 50, d=4, z=9, y=8))
print(f(*[1, 2, 3], *(4,), **{"d": 0}, e=1))
print(f(1, c=7, d=8, b=99))
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames)
print(f.__defaults__, f.__kwdefaults__)
for call in [lambda: f(), lambda: f(1), lambda: f(1, 2, 3, c=4, d=5),
             lambda: f(1, d=1, **{"d": 2}), lambda: f(a=1, d=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
