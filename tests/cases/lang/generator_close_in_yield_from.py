# Closing/throwing into a delegating generator reaches the innermost generator first.
def innermost():
    try:
        yield "deep"
    finally:
        print("innermost finally")
def middle():
    try:
        yield from innermost()
    finally:
        print("middle finally")
def outer():
    try:
        yield from middle()
    finally:
        print("outer finally")
g = outer()
print(next(g))
g.close()
print("---")
g = outer()
next(g)
try:
    g.throw(ValueError("thrown at top"))
except ValueError as e:
    print("escaped:", e)
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        return self.n
def deleg():
    yield from It()
d = deleg()
print(next(d), next(d))
try:
    d.send("x")
except AttributeError as e:
    print("AttributeError:", e)
