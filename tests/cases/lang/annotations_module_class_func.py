# __annotations__ at module, class, and function level; evaluation timing.
def note(tag):
    print("eval annotation", tag)
    return tag
x: note("x") = 1
y: note("y")
print(__annotations__)
class C:
    a: int
    b: note("b") = 2
    c: "forward"
print(C.__annotations__, hasattr(C, "a"), C.b)
def f(p: note("p"), *args: note("args"), k: note("k") = 3, **kw: note("kw")) -> note("ret"):
    local: note("never") = 5
    return local
print(f.__annotations__)
print(f(1))
def g(): pass
print(g.__annotations__)
g.__annotations__["z"] = 1
print(g.__annotations__)
(paren): int = 5
obj = C()
obj.attr: note("attr-ann") = 7
print(obj.attr, "paren" in __annotations__)
