# At function return, locals are released in the order of their slots.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
def f(first):
    second = D("second")
    third = D("third")
    zeroth = D("zeroth")
    print("returning")
f(D("first arg"))
print("---")
def g():
    a = D("a")
    b = D("b")
    a, b = b, a
    print("swapped")
g()
print("end")
