class P:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
p = P()
print(p.x, hasattr(p, "y"), P.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.y
except AttributeError as e:
    print(e)
del p.x
try:
    del p.x
except AttributeError as e:
    print(e)
class Q(P):
    pass
q = Q()
q.z = 5
print(q.z, q.__dict__)
class R(P):
    __slots__ = ("w", "__dict__")
r = R()
r.w = 1
r.other = 2
print(r.w, r.__dict__)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print(e)
class S:
    __slots__ = "single"
print(S.__slots__, S().__class__.__name__)
try:
    class Bad(int):
        __slots__ = ("x",)
except TypeError as e:
    print(e)
