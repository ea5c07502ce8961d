# __set_name__ is called for every descriptor-like attribute at class creation, in order.
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class C:
    a = Named()
    b = Named()
    c = 5
print(C.a.name, C.b.name)
class Failing:
    def __set_name__(self, owner, name):
        raise ValueError("bad " + name)
try:
    class D:
        x = Failing()
except Exception as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))
n = Named()
class Later: pass
Later.z = n
print(hasattr(n, "name"))
