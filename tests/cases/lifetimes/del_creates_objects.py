# __del__ may allocate and drop objects, including ones with their own __del__.
class Inner:
    def __del__(self): print("Inner.__del__")
class Outer:
    def __init__(self): self.child = Inner()
    def __del__(self):
        print("Outer.__del__ start")
        temp = Inner()
        print("Outer.__del__ end")
o = Outer()
del o
print("end")
