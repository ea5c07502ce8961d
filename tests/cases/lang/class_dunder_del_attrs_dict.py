# vars(), __dict__, dir() of instances and classes (filtered), and setattr with odd names.
class C:
    a = 1
    def __init__(self): self.b = 2
    def m(self): pass
c = C()
print(vars(c), sorted(k for k in vars(C) if not k.startswith("__")))
print([n for n in dir(c) if not n.startswith("__")])
setattr(c, "odd name!", 3)
print(getattr(c, "odd name!"), vars(c))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(c, 5, 1)
except TypeError as e:
    print("TypeError:", e)
