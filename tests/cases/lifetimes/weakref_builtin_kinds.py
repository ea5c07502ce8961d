# Which built-in objects can be weakly referenced (as CPython: functions, methods, types, sets,
# frozensets, code, generators, modules; not ints, strs, tuples, lists, dicts, bytes).
import weakref, sys
class C:
    def m(self): pass
def gen(): yield
def f(): pass
samples = [("function", f), ("builtin", len), ("builtin method", [].append), ("bound method", C().m),
           ("type", C), ("set", {1}), ("frozenset", frozenset()), ("code", f.__code__),
           ("generator", gen()), ("module", sys), ("int", 1), ("str", "s"), ("tuple", ()),
           ("list", []), ("dict", {}), ("bytes", b""), ("float", 1.5), ("None", None)]
for name, obj in samples:
    try:
        r = weakref.ref(obj)
        print(name, "ok", r() is obj)
    except TypeError as e:
        print(name, "TypeError", e)
s = {1, 2}
r = weakref.ref(s, lambda ref: print("set gone"))
del s
print("after del set")
class S(set): pass
x = S()
r = weakref.ref(x)
del x
print(r())
