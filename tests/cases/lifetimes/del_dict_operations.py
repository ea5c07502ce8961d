# Dict operations release values and keys at once; clear() releases in insertion order.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
d = {"a": D("a"), "b": D("b"), "c": D("c")}
d["a"] = D("a2")
print("after overwrite")
del d["b"]
print("after del")
d.pop("c")
print("after pop")
d.update(x=D("x"), y=D("y"))
d.clear()
print("after clear")
k = {D("key"): 1}
k.popitem()
print("after popitem")
print("end")
