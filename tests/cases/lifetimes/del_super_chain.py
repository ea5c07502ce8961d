# Subclass __del__ can call super().__del__; inherited __del__ runs for subclasses.
class Base:
    def __init__(self, n): self.n = n
    def __del__(self): print("Base.__del__", self.n)
class Child(Base):
    def __del__(self):
        print("Child.__del__", self.n)
        super().__del__()
class Inherits(Base):
    pass
Child("c")
print("---")
Inherits("i")
print("---")
class AddedLater:
    pass
a = AddedLater()
AddedLater.__del__ = lambda self: print("late __del__")
del a
print("end")
