# Data vs non-data descriptors and their priority against the instance dict.
class Data:
    def __get__(self, obj, owner):
        return ("Data.get", obj is not None, owner.__name__)
    def __set__(self, obj, v):
        print("Data.set", v)
class NonData:
    def __get__(self, obj, owner):
        return "NonData.get"
class C:
    d = Data()
    n = NonData()
c = C()
print(c.d, C.d)
c.d = 5
c.__dict__["d"] = "instance d"
print(c.d)
print(c.n)
c.n = "instance n"
print(c.n)
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, v):
        if not isinstance(v, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, v)
class P:
    age = Typed()
p = P()
p.age = 3
print(p.age, type(P.age).__name__)
try:
    p.age = "x"
except TypeError as e:
    print("TypeError:", e)
