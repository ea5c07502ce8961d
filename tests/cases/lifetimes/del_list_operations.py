# List operations release items immediately: item replacement, pop, remove, del slices, clear.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __eq__(self, o): return self.n == o
l = [D(i) for i in range(6)]
l[0] = "replaced"
print("after replace")
l.pop()
print("after pop (result discarded)")
l.remove(2)
print("after remove")
del l[1:3]
print("after del slice")
l[1:] = []
print("after slice assignment")
l.clear()
print("after clear")
l = [D("x"), D("y")]
l *= 0
print("after *= 0")
print("end")
