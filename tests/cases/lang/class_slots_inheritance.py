# __slots__ across inheritance: parent slots, child slots, __dict__ slot, and layout conflicts.
class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b",)
class WithDict(A):
    __slots__ = ("__dict__",)
b = B(); b.a, b.b = 1, 2
print(b.a, b.b, hasattr(b, "__dict__"))
w = WithDict(); w.a = 1; w.anything = 2
print(w.a, w.__dict__)
class X:
    __slots__ = ("x",)
class Y:
    __slots__ = ("y",)
try:
    class XY(X, Y): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class BadSlot:
        __slots__ = ("ok", 5)
except TypeError as e:
    print("TypeError:", e)
try:
    class DupDict(WithDict):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("TypeError:", e)
