class Data:
    def __get__(self, obj, owner=None):
        return ("data get", obj is not None, owner.__name__)
    def __set__(self, obj, value):
        print("data set", value)
    def __delete__(self, obj):
        print("data delete")
class NonData:
    def __get__(self, obj, owner=None):
        return "nondata get"
class Holder:
    d = Data()
    n = NonData()
h = Holder()
print(h.d, Holder.d, h.n)
h.d = 5
del h.d
h.__dict__["d"] = "instance"
h.__dict__["n"] = "instance n"
print(h.d, h.n)
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner=None):
        return self.name if obj is None else obj.__dict__.get(self.name, "unset")
class Model:
    first = Named()
    second = Named()
print(Model.first, Model().second)
def func(self):
    return "bound to " + type(self).__name__
class F:
    m = func
f = F()
print(f.m(), F.m(f), f.m.__self__ is f, f.m.__func__ is func, func.__get__(f)(), func.__get__(None, F) is func)
print(type(f.m).__name__, f.m == f.m, f.m is f.m, F.m is func)
class WithSlots:
    __slots__ = ("a",)
print(type(WithSlots.__dict__["a"]).__name__, WithSlots.a.__name__)
