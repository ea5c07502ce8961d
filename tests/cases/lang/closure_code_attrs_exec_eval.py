# Cell/free variable layout in code objects, and exec/eval scoping from functions.
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    return mid()
print(outer()())
print(outer.__code__.co_cellvars, outer().__code__.co_freevars)
def f(a, b):
    def g(): return a
    return g
print(f.__code__.co_cellvars, f.__code__.co_varnames, f.__code__.co_nlocals)
class C:
    def m(self):
        return __class__
print(C.m.__code__.co_freevars, C().m() is C)
def h():
    exec("y = 5")
    return locals().get("y")
print(h())
x = 10
def k():
    return eval("x + 1")
print(k())
def k2():
    z = 3
    return eval("z * 2"), eval("[z for _ in range(1)]") if False else None
print(k2())
def k3():
    z = 3
    try:
        return eval("[z for _ in range(1)]")
    except NameError as e: return str(e)
print(k3())
ns = {}
exec("def fn(): return v\nv = 7", ns)
print(ns["fn"]())
print(eval("lambda: w", {"w": 9})())
g = {"__builtins__": {}}
try: eval("len([])", g)
except NameError as e: print(e)
