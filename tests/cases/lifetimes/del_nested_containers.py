# Nested containers release their items depth-first, in order.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
data = [[D("a0"), D("a1")], {"k": D("b")}, (D("c0"), [D("c1")])]
del data
print("---")
tree = {"left": {"leaf": D("L")}, "right": [D("R0"), {"deep": D("R1")}]}
tree = None
print("end")
