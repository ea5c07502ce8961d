# Class patterns with __match_args__, keyword patterns, and errors.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def describe(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point3(x, y, z=5):
            return f"z5 at {x},{y}"
        case Point(0, y):
            return f"on y axis {y}"
        case Point(x=0):
            return "unreachable"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(y=yy, x=xx):
            return f"point {xx},{yy}"
for p in [Point3(0, 0, 0), Point3(1, 2, 5), Point(0, 4), Point(3, 3), Point(1, 2), Point3(7, 8, 9)]:
    print(describe(p))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print("TypeError:", e)
