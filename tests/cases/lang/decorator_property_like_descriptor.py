# A hand-written cached-property descriptor used as a decorator.
class cached:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        print("computing", self.name)
        val = self.func(obj)
        obj.__dict__[self.name] = val
        return val
class Circle:
    def __init__(self, r): self.r = r
    @cached
    def area(self):
        return round(3.14159 * self.r ** 2, 2)
c = Circle(2)
print(c.area, c.area, type(Circle.area).__name__)
del c.area
print(c.area)
