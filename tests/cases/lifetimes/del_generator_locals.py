# Locals of a generator frame die when the generator finishes or is dropped.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def gen():
    a = D("gen local")
    yield 1
    print("after first yield")
    b = D("second local")
    yield 2
g = gen()
print(next(g))
print(next(g))
print(next(g, "exhausted"))
print("---")
g2 = gen()
next(g2)
del g2
print("end")
