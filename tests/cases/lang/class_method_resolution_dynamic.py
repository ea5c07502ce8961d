# Method lookup is dynamic: changing the class or base after instance creation takes effect.
class Base:
    def greet(self): return "base"
class Child(Base):
    pass
c = Child()
print(c.greet())
Base.greet = lambda self: "patched base"
print(c.greet())
Child.greet = lambda self: "child override"
print(c.greet())
del Child.greet
print(c.greet())
c.greet = lambda: "instance attribute"
print(c.greet())
class Other:
    def greet(self): return "other"
Child.__bases__ = (Other,)
del c.greet
print(c.greet(), Child.__mro__)
