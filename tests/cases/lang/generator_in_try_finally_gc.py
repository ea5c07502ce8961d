# Abandoned generator with a pending finally is closed when deleted.
def g(tag):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", tag)
a = g("a")
next(a)
del a
print("after del a")
b = g("b")
for v in b:
    print("v", v)
    break
b = None
print("after rebind b")
def use():
    c = g("c")
    return next(c)
print(use())
print("end")
