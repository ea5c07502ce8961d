# WeakSet membership ends with the member's life.
import weakref
class M:
    def __init__(self, n): self.n = n
ws = weakref.WeakSet()
items = [M(i) for i in range(4)]
for it in items:
    ws.add(it)
print(len(ws), items[0] in ws)
del items[1:3]
print(len(ws), sorted(m.n for m in ws))
items.clear()
print("loop variable keeps one alive:", len(ws), [m.n for m in ws])
del it
print(len(ws))
