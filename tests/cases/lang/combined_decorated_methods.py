# Combined: decorators on methods, stacked with classmethod/staticmethod/property.
def logged(fn):
    def wrapper(*a, **k):
        print("->", fn.__name__, a[1:] if a and not isinstance(a[0], (int, str)) else a)
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    return wrapper
class Shape:
    count = 0
    def __init__(self, w, h):
        self.w, self.h = w, h
        Shape.count += 1
    @logged
    def area(self):
        return self.w * self.h
    @classmethod
    @logged
    def square(cls, s):
        return cls(s, s)
    @staticmethod
    @logged
    def unit():
        return "unit"
    @property
    @logged
    def perimeter(self):
        return 2 * (self.w + self.h)
s = Shape.square(3)
print(s.area(), s.perimeter, Shape.unit(), Shape.count)
