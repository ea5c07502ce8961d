def f(a, b, c=3, *, d, e=5):
    pass
def g(x, /, y):
    pass
def h(*args, **kwargs):
    pass
class K:
    def m(self, a):
        pass
    @staticmethod
    def s(a):
        pass
    @classmethod
    def c(cls, a):
        pass
calls = [
    lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3, 4, d=1), lambda: f(1, 2, d=1, z=2),
    lambda: f(1, 2, a=1, d=1), lambda: g(x=1, y=2), lambda: g(1, 2, 3), lambda: g(), lambda: h(1, **{"a": 1}, a=2),
    lambda: K().m(), lambda: K().m(1, 2), lambda: K.m(1), lambda: K.s(), lambda: K.c(1, 2), lambda: K(1),
    lambda: f(1, 2, 3, 4, 5), lambda: (lambda: 0)(1), lambda: (lambda x, y: 0)(1), lambda: f(1, 2, **{1: 2}),
    lambda: f(*1), lambda: f(**1), lambda: f(1, 2, d=1, **{"d": 2}), lambda: h(**{"a": 1}, **{"a": 2}),
]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(e)
