# __slots__ restricts attributes and removes __dict__; subclasses without slots get a __dict__.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x): self.x = x
p = P(1)
print(p.x, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 2
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
q = Q(1)
q.z = 5
print(q.z, q.__dict__)
print(type(P.__dict__["x"]).__name__)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
class S:
    __slots__ = "single"
s = S(); s.single = 1; print(s.single, S.__slots__)
