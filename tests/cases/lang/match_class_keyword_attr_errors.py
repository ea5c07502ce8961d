# Class pattern keyword lookups call getattr; errors other than AttributeError propagate.
class Lazy:
    __match_args__ = ("a", "b")
    @property
    def a(self):
        print("get a")
        return 1
    @property
    def b(self):
        print("get b")
        raise KeyError("b failed")
    @property
    def c(self):
        raise AttributeError("no c")
match Lazy():
    case Lazy(c=_):
        print("matched c")
    case Lazy(a=2):
        print("a is 2")
    case Lazy(a=1):
        print("matched a=1 only")
try:
    match Lazy():
        case Lazy(1, 2):
            print("no")
except KeyError as e:
    print("KeyError:", e)
class BadArgs:
    __match_args__ = ["a"]
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
