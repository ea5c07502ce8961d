# Class body namespace, __qualname__ of nested definitions, and locals().
class Outer:
    a = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
    class Inner:
        def meth(self): pass
        class Deep: pass
    def f(self):
        def g(): pass
        return g
print(Outer.names)
print(Outer.Inner.__qualname__, Outer.Inner.meth.__qualname__, Outer.Inner.Deep.__qualname__)
print(Outer().f().__qualname__)
def factory():
    class Local: pass
    return Local
print(factory().__qualname__, factory.__qualname__)
print(Outer.__module__, Outer.Inner.__module__)
print(Outer.__dict__["a"], "Inner" in Outer.__dict__)
