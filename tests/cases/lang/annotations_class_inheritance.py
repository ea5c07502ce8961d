# __annotations__ per class, not inherited; annotated-only names do not create attributes.
class Base:
    x: int = 1
    y: str
class Child(Base):
    z: float
class Empty(Base):
    pass
print(Base.__annotations__, Child.__annotations__)
print(Empty.__dict__.get("__annotations__"), "y" in vars(Base))
def f(a: "A", b: int = 2) -> None: pass
print(f.__annotations__)
f.__annotations__ = {"new": 1}
print(f.__annotations__)
try:
    f.__annotations__ = 5
except TypeError as e:
    print("TypeError:", e)
del f.__annotations__
print(f.__annotations__)
class WithTarget:
    pass
WithTarget.attr: int = 5
print(WithTarget.attr, WithTarget.__dict__.get("__annotations__"))
