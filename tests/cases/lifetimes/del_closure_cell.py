# Objects captured by a closure live as long as the closure.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def make():
    obj = D("captured")
    unused = D("local only")
    def get():
        return obj.n
    return get
g = make()
print("made closure:", g())
del g
print("closure gone")
def counter():
    c = D("cell")
    def inner():
        return c
    return inner
f1 = counter()
f2 = f1
del f1
print("one reference left")
f2 = None
print("end")
