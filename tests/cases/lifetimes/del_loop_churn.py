# Many objects in cycles: every finalizer runs exactly once.
import gc
count = 0
class C:
    def __del__(self):
        global count
        count += 1
for i in range(20000):
    a = C(); b = C()
    a.b = b; b.a = a
del a, b
gc.collect()
print(count)
