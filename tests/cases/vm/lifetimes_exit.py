# Objects die when CPython's would: at scope exit, with tracebacks, and at interpreter exit.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def scope():
    d = D("local")
    print("in scope")
scope()
print("after scope")
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
g = gen()
next(g)
del g
print("after del g")
keep = D("global")
_private = D("private")
g2 = gen()
next(g2)
print("end of module")
