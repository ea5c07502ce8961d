print(format(42), format(42, "5"), format(42, "<5") + "|", format("s", "^5"), format(3.5, ".3f"), format([1], ""), format(1 + 2j, ".1f"))
class F:
    def __format__(self, spec):
        return "F<" + spec + ">"
print(format(F(), "xyz"), f"{F():abc}", "{:q}".format(F()), f"{F()!r:>50}"[-20:] != "")
for call in [lambda: format(1, "q"), lambda: format("s", "d"), lambda: format(1.0, "d"), lambda: format([1], "x"),
             lambda: format(1, 5), lambda: format(object(), "s"), lambda: format("x", "=5"), lambda: format(1, "=^5")]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
class BadF:
    def __format__(self, spec):
        return 5
try:
    format(BadF())
except TypeError as e:
    print(e)
print(format("abc", ".2"), format("abc", "*>6.1"), format(12345, ","), format(-12345.678, "_.1f"), format(255, "#010x"), format(-255, "#010b"))
