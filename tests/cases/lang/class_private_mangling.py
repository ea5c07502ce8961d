# Names starting with two underscores are mangled inside class bodies.
class A:
    __secret = "A's secret"
    def reveal(self): return self.__secret
    def set_(self): self.__x = 1
class B(A):
    __secret = "B's secret"
    def reveal_b(self): return self.__secret
b = B()
print(b.reveal(), b.reveal_b())
print(sorted(k for k in vars(A) if "secret" in k), sorted(k for k in vars(B) if "secret" in k))
b.set_()
print(vars(b))
try:
    b.__secret
except AttributeError as e:
    print("AttributeError:", e)
class _Under:
    def m(self): return self.__thing
try:
    _Under().m()
except AttributeError as e:
    print("AttributeError:", e)
class C:
    __dunder__ = "not mangled"
print(C.__dunder__)
