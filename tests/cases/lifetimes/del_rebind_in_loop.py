# Rebinding a loop variable releases the previous object immediately.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
for i in range(3):
    obj = D(i)
    print("created", i)
print("loop done")
del obj
print("end")
