o = object()
print(type(o), type(o).__name__, object.__mro__, object.__bases__, type.__bases__, type(object), type(type))
print(o == o, o != object(), o.__eq__(1), o.__ne__(o), hash(o) == hash(o), bool(o))
print(str(o)[:17], repr(o)[:17], o.__class__, object.__doc__)
try:
    o.x = 1
except AttributeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
class A:
    pass
a = A()
print(repr(a).split(" at ")[0], A.__name__, A.__qualname__, A.__module__, A.__bases__, A.__mro__, A.__dict__["__module__"])
a.x = 1
print(a.__dict__, vars(a), a.__class__ is A, type(a) is A)
print(object.__subclasshook__(), object.__init_subclass__(), A.__init__ is object.__init__)
print(o.__format__(""), format(o, "")[:8], o.__reduce_ex__(2)[0].__name__, object.__sizeof__(o) > 0)
try:
    format(a, "x")
except TypeError as e:
    print(e)
print(o < o if False else "cmp", object.__lt__(o, o), A.__hash__ is object.__hash__)
