# Non-cyclic resurrection: __del__ runs once; a later drop frees silently.
import gc
graveyard = []
class Lazarus:
    def __init__(self, n): self.n = n
    def __del__(self):
        print("__del__", self.n, "resurrecting")
        graveyard.append(self)
x = Lazarus(1)
del x
print("resurrected:", [g.n for g in graveyard])
y = graveyard.pop()
print("got it back", y.n, gc.is_finalized(y))
del y
print("dropped again; no second __del__")
print("end")
