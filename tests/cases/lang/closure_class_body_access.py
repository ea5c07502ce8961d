# Class bodies can read enclosing function locals; methods skip the class scope.
def f():
    x = "func"
    class C:
        try:
            y = x
        except NameError as e:
            y = "NameError: " + str(e)
        x = "class"
        z = x
        def m(self):
            return x
        lst = [x for _ in range(1)]
    class R:
        seen = x
    C.seen = R.seen
    return C
C = f()
print(C.seen, C.y, C.z, C().m(), C.lst)
x = "global"
class D:
    x = "classD"
    def m(self):
        return x
    comp = [x for _ in range(2)]
print(D().m(), D.comp)
def g():
    v = 1
    class E:
        nonlocal v
        v = 2
    return v
print(g())
