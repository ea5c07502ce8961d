# sys.exc_info / sys.exception during nested handling, generators and after.
import sys
def show(tag):
    t, v, _ = sys.exc_info()
    print(tag, t.__name__ if t else None, v, sys.exception() is v)
show("start")
try:
    raise ValueError("outer")
except ValueError:
    show("in outer")
    try:
        raise KeyError("inner")
    except KeyError:
        show("in inner")
    show("back in outer")
show("after")
def gen():
    show("gen start")
    yield
    show("gen resumed")
g = gen()
try:
    raise TypeError("during next")
except TypeError:
    next(g)
next(g, None)
