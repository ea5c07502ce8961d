# __getattr__ only for missing attributes; __getattribute__ for all; __setattr__/__delattr__.
class Lazy:
    real = "real"
    def __getattr__(self, name):
        print("getattr", name)
        if name.startswith("_"):
            raise AttributeError(name)
        return name.upper()
l = Lazy()
print(l.real, l.fake)
print(hasattr(l, "_private"))
class Every:
    def __init__(self): self.x = 1
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
e = Every()
print(e.x)
class Guard:
    def __setattr__(self, name, v):
        if name == "ro":
            raise AttributeError("read-only: " + name)
        print("setattr", name, v)
        super().__setattr__(name, v)
    def __delattr__(self, name):
        print("delattr", name)
        super().__delattr__(name)
g = Guard()
g.a = 1
try:
    g.ro = 2
except AttributeError as err:
    print("AttributeError:", err)
del g.a
print(vars(g))
class Fallback:
    def __getattribute__(self, name):
        raise AttributeError("nope")
    def __getattr__(self, name):
        return "fallback " + name
print(Fallback().anything)
