# super() zero-argument and explicit forms, in methods, classmethods, and __init__.
class Base:
    def m(self): return "Base.m"
    @classmethod
    def cm(cls): return f"Base.cm({cls.__name__})"
    def __init__(self):
        print("Base.__init__", type(self).__name__)
class Child(Base):
    def m(self):
        return "Child.m -> " + super().m()
    def explicit(self):
        return super(Child, self).m()
    @classmethod
    def cm(cls):
        return "Child.cm -> " + super().cm()
    def __init__(self):
        super().__init__()
        print("Child.__init__")
c = Child()
print(c.m())
print(c.explicit())
print(Child.cm())
print(super(Child, c).m)
s = super(Child, Child)
print(s.cm())
def outside():
    super()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)
class NoArgs:
    def m():
        return super()
try:
    NoArgs.m()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    super(int, "s")
except TypeError as e:
    print("TypeError:", e)
