# Class bodies: names resolve locals -> globals -> builtins, skipping enclosing function scopes unless free.
x = "global x"
def f():
    x = "enclosing x"
    class C:
        print("in class body:", x)
        y = x
        x = "class x"
        print("after binding:", x)
    return C
C = f()
print(C.y, C.x)
def g():
    v = "enclosing v"
    class D:
        w = v
    return D.w
print(g())
class E:
    a = 1
    b = [a * 2]
    try:
        c = [a * i for i in range(3)]
    except NameError as e:
        print("NameError:", e)
print(E.b)
