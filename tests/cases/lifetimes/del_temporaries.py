# Temporaries in expressions die as soon as the expression no longer needs them.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def value(self): return self.n * 10
print("value:", D(1).value())
print("after statement 1")
x = D(2).value() + D(3).value()
print("sum:", x)
D(4)
print("after bare expression")
print(len([D(5), D(6)]))
print("end")
