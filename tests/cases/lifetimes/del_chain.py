# An object's __del__ runs before the objects it holds are released.
class D:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name, "child:", self.child.name if self.child else None)

root = D("root", D("mid", D("leaf")))
del root
print("--")

class Holder:
    def __init__(self):
        self.a = D("first")
        self.b = D("second")

h = Holder()
del h
print("end")
