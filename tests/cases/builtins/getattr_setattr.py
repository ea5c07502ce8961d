class A:
    cls_attr = "c"
    def __init__(self):
        self.x = 1
a = A()
print(getattr(a, "x"), getattr(a, "y", "default"), getattr(a, "cls_attr"), hasattr(a, "x"), hasattr(a, "nope"))
setattr(a, "y", 2)
print(a.y, vars(a))
delattr(a, "x")
print(hasattr(a, "x"), vars(a))
setattr(A, "new", lambda self: "method")
print(a.new(), getattr(A, "new").__name__)
for call in [lambda: getattr(a, "missing"), lambda: getattr(a, 5), lambda: setattr(a, 5, 1), lambda: delattr(a, "zz"),
             lambda: getattr(), lambda: setattr(1, "real", 5), lambda: setattr(object(), "q", 1), lambda: hasattr(a, 1)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
class Raises:
    @property
    def bad(self):
        raise ValueError("boom")
    @property
    def missing(self):
        raise AttributeError("inner")
r = Raises()
print(hasattr(r, "missing"), getattr(r, "missing", "fallback"))
try:
    hasattr(r, "bad")
except ValueError as e:
    print("propagated", e)
