import sys, weakref
print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook)
seen = []
def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg, type(u.object).__name__, u.exc_traceback is not None))
sys.unraisablehook = hook
class D:
    def __del__(self): raise ValueError("in del")
D()
class X: pass
x = X()
r = weakref.ref(x, lambda r: 1/0)
del x
import atexit
def bad(): raise KeyError("a")
atexit.register(bad)
atexit._run_exitfuncs()
for s in seen: print(s)
print(type(sys.__unraisablehook__), sys.__unraisablehook__.__name__)
def badhook(u): raise RuntimeError("hook failed")
sys.unraisablehook = badhook
D()
sys.unraisablehook = sys.__unraisablehook__
D()
try: sys.__unraisablehook__(1)
except TypeError as e: print(e)
print("end")
