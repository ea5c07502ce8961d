# Default reprs of classes, functions, methods, and builtins (addresses masked).
class C:
    def m(self): pass
def f(): pass
print(C)
print(repr(C()))
print(f)
print(C.m)
print(C().m)
print(len, [].append, int.__add__, object.__init__)
print(type(None), type(NotImplemented), type(...), ...)
print(int, type, object, C.__mro__)
