# Parameters before / are positional-only; their names may reappear in **kwargs.
def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4))
def g(a, /, **kw):
    return a, kw
print(g(1, a=2))
def h(a=1, /, b=2):
    return a, b
print(h(), h(5), h(5, b=6))
try:
    f(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    f(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
print(f.__code__.co_posonlyargcount, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
