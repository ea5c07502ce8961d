# Decorators apply bottom-up at definition time; decorator expressions evaluate top-down.
def trace(name):
    print("making decorator", name)
    def deco(fn):
        print("applying", name, "to", fn.__name__)
        def wrapper(*a, **k):
            print("call", name)
            return fn(*a, **k)
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco
@trace("outer")
@trace("inner")
def f(x):
    return x * 2
print(f(5))
print(f.__name__)
def replace(fn):
    return 42
@replace
def g(): pass
print(g)
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def a(): pass
@register
def b(): pass
print(registry)
