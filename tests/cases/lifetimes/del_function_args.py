# Arguments are released when the call returns, unless something keeps them.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def use(a, b):
    print("in use", a.n, b.n)
use(D(1), D(2))
print("after use")
kept = []
def keep(a):
    kept.append(a)
keep(D(3))
print("after keep")
def default(a=D("default")):
    return a.n
print(default())
del default
print("function deleted")
kept.clear()
print("end")
