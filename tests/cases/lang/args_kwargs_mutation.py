# **kwargs is a fresh dict; *args a fresh tuple.
def f(*args, **kwargs):
    kwargs["added"] = True
    return args, kwargs
d = {"x": 1}
t = (1, 2)
a, k = f(*t, **d)
print(a is t, a == t, d, k)
def g(**kw):
    return list(kw)
print(g(z=1, a=2, m=3))
def order(**kw):
    return list(kw.items())
print(order(b=1, **{"a": 2}, c=3))
def nested(*a, **k):
    return inner(*a, **k)
def inner(p, q=0, *rest, r=1):
    return p, q, rest, r
print(nested(1, 2, 3, 4, r=5), nested(p=9))
