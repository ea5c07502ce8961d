# Value patterns use ==, dotted names are looked up at match time; None/True/False by identity.
class Const:
    ZERO = 0
    class Nested:
        NAME = "nested"
class AlwaysEq:
    def __eq__(self, o):
        print("AlwaysEq.__eq__ called")
        return True
def f(v):
    match v:
        case Const.ZERO:
            return "zero constant"
        case Const.Nested.NAME:
            return "nested constant"
        case True:
            return "True by identity"
        case _:
            return "no match"
print(f(0), f(0.0), f("nested"), f(1), f(True))
print(f(AlwaysEq()))
Const.ZERO = 99
print(f(99), f(0))
match 1.0:
    case 1:
        print("1.0 matches literal 1")
