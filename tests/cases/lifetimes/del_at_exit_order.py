# At exit, __main__'s globals are released: names with a leading underscore first, then the rest.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
zeta = D("zeta")
_private = D("_private")
alpha = D("alpha")
__dunder = D("__dunder")
mid = D("mid")
print("end of program")
