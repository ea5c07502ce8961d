class G:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return "fallback:" + name
g = G()
print(g.real, g.missing, getattr(g, "other"), hasattr(g, "anything"))
class GA:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return "ga:" + name
    def __getattr__(self, name):
        return "ga-fallback:" + name
print(GA().x, GA().secret)
class SA:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
s = SA()
s.v = 21
print(s.v)
del s.v
print(hasattr(s, "v"))
class Loud:
    def __getattr__(self, name):
        raise AttributeError(f"Loud has no {name}")
try:
    Loud().thing
except AttributeError as e:
    print(e)
class Dir:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Dir()))
