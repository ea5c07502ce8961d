class A:
    __slots__ = ("x",)
class B:
    y = 1
def attempt(fn):
    try:
        print("ok", fn())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
attempt(lambda: A().x)
attempt(lambda: A().z)
attempt(lambda: setattr(A(), "z", 1))
attempt(lambda: B.nope)
attempt(lambda: B().nope)
attempt(lambda: (1).nope)
attempt(lambda: "s".nope)
attempt(lambda: None.nope)
attempt(lambda: [].nope)
attempt(lambda: int.nope)
attempt(lambda: setattr(int, "x", 1))
attempt(lambda: setattr(1, "x", 1))
attempt(lambda: setattr([], "x", 1))
attempt(lambda: delattr(B(), "y"))
attempt(lambda: delattr(B, "zz"))
attempt(lambda: setattr("s", "upper", 1))
attempt(lambda: (1).real.__setattr__("imag", 2))
import math
attempt(lambda: math.nope)
attempt(lambda: setattr((lambda: 0), "__name__", 5))
attempt(lambda: print.nope)
attempt(lambda: type.nope)
attempt(lambda: object().__dict__)
attempt(lambda: setattr(object(), "__class__", int))
attempt(lambda: delattr(B(), "__class__"))
class P:
    @property
    def ro(self):
        return 1
attempt(lambda: setattr(P(), "ro", 2))
attempt(lambda: delattr(P(), "ro"))
attempt(lambda: super(P, P()).nope)
