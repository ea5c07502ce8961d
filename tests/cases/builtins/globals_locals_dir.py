x = 1
def f(a, b=2):
    c = a + b
    print(sorted(locals()), sorted(dir()))
    def g():
        return c
    print(sorted(locals()))
    return g
f(1)
print([k for k in globals() if not k.startswith("__")])
print(sorted(k for k in dir() if not k.startswith("__")))
class K:
    attr = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
def change():
    locals()["zz"] = 5
    return "zz" in locals()
print(change())
import math
print(len(dir(math)) > 40, "sqrt" in dir(math), dir(math) == sorted(dir(math)))
