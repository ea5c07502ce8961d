# Class decorators, stacked, with arguments; registration order.
registry = {}
def register(name):
    def deco(cls):
        print("register", name, cls.__name__)
        registry[name] = cls
        return cls
    return deco
def add_repr(cls):
    print("add_repr", cls.__name__)
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@register("point")
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
@register("box")
@add_repr
class Box:
    def __init__(self, item):
        self.item = item
print(sorted(registry))
print(registry["point"](1, 2), registry["box"](Point(3, "s")))
def replace(cls):
    return "not a class"
@replace
class Gone: pass
print(Gone)
