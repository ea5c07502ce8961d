# Positional-only names can also appear in **kwargs.
def f(a, b, /, **kw):
    return a, b, kw
print(f(1, 2, a=3, b=4))
def g(x, /, *, y):
    return x, y
print(g(1, y=2))
for bad in ["g(x=1, y=2)", "g(1, 2)", "g(1)", "f(1)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
def h(*, only): return only
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)
class C:
    def m(self, a, /, b): return a + b
print(C().m(1, b=2))
try:
    C().m(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
