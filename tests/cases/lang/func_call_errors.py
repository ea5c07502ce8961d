# CPython's messages for wrong calls.
def f(a, b, c=3):
    pass
def g(*, k):
    pass
def h():
    pass
class K:
    def m(self, x):
        pass
calls = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: g(),
    lambda: g(1),
    lambda: h(1),
    lambda: h(x=1),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(),
    lambda: f(**{1: 2}),
    lambda: f(*5),
    lambda: f(**[1]),
    lambda: f(1, **{'b': 1}, **{'b': 2}),
    lambda: (lambda x, y, z: 0)(1),
    lambda: 5(),
    lambda: "s"(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
f(1, 2, 3, 4, 5)
