# __prepare__ returns a custom mapping that records assignments.
class LoggingDict(dict):
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            print("set", k, v)
        super().__setitem__(k, v)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return LoggingDict()
    def __new__(mcls, name, bases, ns, **kw):
        print("ns type", type(ns).__name__)
        return super().__new__(mcls, name, bases, dict(ns))
class K(metaclass=Meta, option=1):
    x = 1
    y = x + 1
    x = 10
    def method(self): return self.x
print(K.x, K.y, K().method())
