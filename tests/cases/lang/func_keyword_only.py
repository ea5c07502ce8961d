# Parameters after * or *args are keyword-only.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2))
print(f(1, c=0, b=2))
print(f.__kwdefaults__)
def g(*args, key=None, **rest):
    return args, key, rest
print(g(1, 2, key="k", other=1))
for call in [lambda: f(1, 2), lambda: f(1), lambda: f(1, b=2, d=4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
f(1, 2, 3)
