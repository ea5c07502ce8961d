# A class decorator that wraps every method to trace calls.
def traced(cls):
    for name, val in list(vars(cls).items()):
        if callable(val) and not name.startswith("__"):
            def make(f, name=name):
                def wrapper(self, *a, **k):
                    print(f"-> {cls.__name__}.{name}{a}")
                    r = f(self, *a, **k)
                    print(f"<- {name} = {r!r}")
                    return r
                return wrapper
            setattr(cls, name, make(val))
    return cls
@traced
class Calc:
    def __init__(self, base): self.base = base
    def add(self, x): return self.base + x
    def twice(self, x): return self.add(x) * 2
c = Calc(10)
print(c.twice(5))
