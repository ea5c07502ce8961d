# Augmented assignment on a property calls the getter, then the setter.
class P:
    def __init__(self): self._v = 1
    @property
    def v(self):
        print("get", self._v)
        return self._v
    @v.setter
    def v(self, val):
        print("set", val)
        self._v = val
p = P()
p.v += 10
p.v *= 2
print(p._v)
class ReadOnly:
    @property
    def v(self): return 1
try:
    r = ReadOnly()
    r.v += 1
except AttributeError as e:
    print("AttributeError:", e)
