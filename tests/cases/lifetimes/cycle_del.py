# PEP 442: finalizers of cyclic garbage run once, before the cycle is broken.
import gc
gc.disable()
gc.collect()

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "partner:", self.partner.name)

a = D("a"); b = D("b")
a.partner = b; b.partner = a
del a, b
print("nothing yet")
print("collected", gc.collect())
print("collected", gc.collect())

s = D("self"); s.partner = s
del s
print("collected", gc.collect())
