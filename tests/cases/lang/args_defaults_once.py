# Default values are evaluated once, at definition time.
calls = []
def make_default(tag):
    calls.append(tag)
    return []
def f(x, acc=make_default("f")):
    acc.append(x)
    return acc
print(calls)
print(f(1), f(2), f(3, []), f(4))
def g(x, *, acc=make_default("g")):
    acc.append(x)
    return len(acc)
print(g(1), g(2), calls)
n = 10
def h(v=n): return v
n = 20
print(h())
h.__defaults__ = (30,)
print(h())
g.__kwdefaults__ = {"acc": []}
print(g(5))
