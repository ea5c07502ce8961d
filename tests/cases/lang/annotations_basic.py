# Annotations on module variables, functions and classes are evaluated and stored.
x: int = 5
y: "forward"
print(__annotations__)
def f(a: int, b: str = "s", *args: float, c: bool, **kw: dict) -> list:
    pass
print(f.__annotations__)
class C:
    field: int
    other: list[int] = []
    def m(self) -> "C": pass
print(C.__annotations__, C.m.__annotations__)
print("field" in C.__dict__, C.other)
def side():
    print("annotation evaluated")
    return int
z: side() = 1
def local_annotations():
    v: side() = 2
    return v
print(local_annotations())
try:
    y
except NameError as e:
    print("NameError:", e)
