# Attribute lookup precedence: data descriptors, instance dict, non-data descriptors, __getattr__.
class DataDesc:
    def __get__(self, obj, owner): return "data descriptor"
    def __set__(self, obj, v): print("DataDesc.__set__", v)
class NonData:
    def __get__(self, obj, owner): return "non-data descriptor"
class C:
    d = DataDesc()
    n = NonData()
    plain = "class attr"
    def __getattr__(self, name):
        return f"__getattr__({name})"
c = C()
c.__dict__.update(d="inst d", n="inst n", plain="inst plain")
print(c.d, c.n, c.plain, c.missing)
c.d = 5
del c.__dict__["n"]
print(c.n)
class G(C):
    def __getattribute__(self, name):
        if name.startswith("x"):
            raise AttributeError(name)
        return super().__getattribute__(name)
g = G()
print(g.xyz, g.plain, g.d)
