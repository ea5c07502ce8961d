# Class patterns: positional via __match_args__, keyword attributes, builtins match self.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    def __init__(self, r): self.r = r
def f(v):
    match v:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Circle(r=r) if r > 10:
            return "big circle"
        case Circle():
            return "circle"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s}"
        case _:
            return "unknown"
for v in [Point(0, 0), Point(3, 0), Point(0, 4), Point(1, 1), Circle(20), Circle(1), 5, 2.5, "s", None]:
    print(f(v))
try:
    match Circle(1):
        case Circle(1):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
