# Keyword-only defaults and positional defaults live in different attributes.
def f(a, b=1, *, c=2, d):
    return a, b, c, d
print(f.__defaults__, f.__kwdefaults__)
f.__kwdefaults__ = {"c": 20, "d": 30}
print(f(0))
f.__defaults__ = None
try:
    f(0)
except TypeError as e:
    print("TypeError:", e)
def g(x=[]):
    x.append(len(x))
    return x
g(); g()
print(g(), g.__defaults__)
