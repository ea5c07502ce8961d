# A finalizer may resurrect its object; it is never called twice.
import gc
gc.disable()
gc.collect()

saved = []

class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        saved.append(self)

p = Phoenix("plain")
del p
print("saved", [x.name for x in saved])
saved.clear()
print("cleared (no second __del__)")

c = Phoenix("cyclic"); c.me = c
del c
print("collected", gc.collect())
print("saved", [x.name for x in saved])
print(gc.is_finalized(saved[0]))
saved.clear()
print("collected", gc.collect())
print("end")
