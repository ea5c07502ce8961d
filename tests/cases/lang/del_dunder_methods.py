# __delattr__ and __delitem__ hooks, del on properties.
class Tracker:
    def __init__(self):
        self.__dict__["data"] = {}
    def __delattr__(self, name):
        print("delattr", name)
        if name == "forbidden":
            raise AttributeError("cannot delete " + name)
        object.__delattr__(self, name)
    def __delitem__(self, key):
        print("delitem", repr(key))
t = Tracker()
t.x = 1
del t.x
del t[1:2, 3]
del t["k"], t[0]
try:
    del t.forbidden
except AttributeError as e:
    print("AttributeError:", e)
class P:
    _v = 1
    @property
    def v(self): return self._v
    @v.deleter
    def v(self): print("deleter ran")
    @property
    def ro(self): return 1
p = P()
del p.v
try:
    del p.ro
except AttributeError as e:
    print("AttributeError:", e)
