# Class definition, instances, attributes, methods, repr of classes and instances.
class Point:
    "a point"
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
print(Point.__name__, Point.__qualname__, Point.__doc__, Point.__module__)
print(Point, type(p), type(p) is Point, isinstance(p, Point))
print(sorted(vars(p).items()))
p.z = 5
print(p.__dict__)
print(Point.norm2(p))
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(type(Point), Point.__bases__, Point.__mro__)
