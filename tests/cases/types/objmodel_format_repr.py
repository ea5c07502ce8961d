class T:
    def __format__(self, spec):
        return f"T({spec})"
    def __repr__(self):
        return "T-repr"
    def __str__(self):
        return "T-str"
t = T()
print(t, str(t), repr(t), f"{t}", f"{t!r}", f"{t!s}", f"{t:xyz}", "{0} {0!r} {0:abc}".format(t), "%s %r" % (t, t))
print([t], (t,), {t: t}, {t})
class OnlyRepr:
    def __repr__(self):
        return "OR"
print(str(OnlyRepr()), f"{OnlyRepr()}", format(OnlyRepr(), ""))
class OnlyStr:
    def __str__(self):
        return "OS"
print(str(OnlyStr()), repr(OnlyStr())[:18], [OnlyStr()].__repr__()[:19])
class Sub(int):
    def __repr__(self):
        return "Sub!"
print(Sub(5), repr(Sub(5)), str(Sub(5)), f"{Sub(5)}", f"{Sub(5):>4}", "%d" % Sub(5), [Sub(5)])
class SubS(str):
    pass
print(SubS("x"), repr(SubS("x")), type(SubS("x") + "y"), type(SubS("ab")[0]), type(str(SubS("q"))))
