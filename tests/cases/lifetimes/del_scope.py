# __del__ runs the moment the last reference goes, as in CPython.
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = D("a")
print("before del")
del a
print("after del")

b = D("b1")
b = D("b2")
print("rebound")

def f():
    local = D("local")
    print("in f")
f()
print("after f")

def g():
    return D("returned")
g()
print("after g")

x = D("x")
y = x
del x
print("still referenced")
del y
print("end")
