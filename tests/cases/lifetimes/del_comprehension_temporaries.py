# Objects created inside a comprehension die when nothing references them.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
values = [D(i).n for i in range(3)]
print("values", values)
keep = [d for d in (D("k0"), D("k1")) if d.n == "k1"]
print("kept", [d.n for d in keep])
del keep
total = sum(D(i).n for i in range(2))
print("total", total)
print("end")
