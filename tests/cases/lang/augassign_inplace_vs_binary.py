# __iadd__ vs __add__ fallback and identity.
class Acc:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("add")
        return Acc(self.v + o)
    def __iadd__(self, o):
        print("iadd")
        self.v += o
        return self
    def __isub__(self, o):
        print("isub returns NotImplemented")
        return NotImplemented
    def __sub__(self, o):
        print("sub")
        return Acc(self.v - o)
a = Acc(1)
orig = a
a += 5
print(a is orig, a.v)
a -= 2
print(a is orig, a.v)
l = [1]
l2 = l
l += (2, 3)
print(l is l2, l)
t = (1,)
t2 = t
t += (2,)
print(t is t2, t)
s = "x"
s += "y"
print(s)
class NoOps: pass
n = NoOps()
try:
    n += 1
except TypeError as e:
    print("TypeError:", e)
try:
    l -= [1]
except TypeError as e:
    print("TypeError:", e)
