# Augmented assignment evaluates target containers once.
log = []
class Box:
    def __init__(self):
        self._v = 1
    def __getattr__(self, name):
        raise AttributeError(name)
    @property
    def v(self):
        log.append("get v")
        return self._v
    @v.setter
    def v(self, val):
        log.append(f"set v {val}")
        self._v = val
boxes = [Box()]
def pick():
    log.append("pick")
    return boxes[0]
pick().v += 10
print(boxes[0].v, log); log.clear()
class Seq:
    def __init__(self): self.d = {}
    def __getitem__(self, k):
        log.append(f"getitem {k}")
        return self.d.get(k, 0)
    def __setitem__(self, k, val):
        log.append(f"setitem {k} {val}")
        self.d[k] = val
s = Seq()
def key():
    log.append("key")
    return "k"
s[key()] += 5
s[key()] *= 3
print(s.d, log); log.clear()
m = [[1, 2], [3, 4]]
m[1][0] **= 2
m[0][1:] += [7, 8]
print(m)
t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print("TypeError:", e, t)
