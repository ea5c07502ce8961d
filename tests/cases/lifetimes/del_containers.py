# The order in which containers release their items when they die.
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

l = [D("l0"), D("l1"), D("l2")]
del l
print("--")
t = (D("t0"), D("t1"), D("t2"))
del t
print("--")
d = {1: D("d0"), 2: D("d1"), 3: D("d2")}
del d
print("--")
l = [D("c0"), D("c1"), D("c2")]
l.clear()
print("--")
l = [D("p0"), D("p1")]
l.pop()
print("popped")
l[0] = None
print("--")
d = {"k": D("v")}
d["k"] = 1
print("--")
l = [D("s0"), D("s1"), D("s2"), D("s3")]
del l[1:3]
print("--")
nested = [[D("n0")], (D("n1"),), {"x": D("n2")}]
nested = None
print("end")
