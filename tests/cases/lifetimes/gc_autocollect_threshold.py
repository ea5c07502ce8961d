# With a small threshold the collector runs by itself and finalizes cycles without gc.collect().
import gc
gc.collect()
freed = 0
class C:
    def __del__(self):
        global freed
        freed += 1
gc.set_threshold(50)
for _ in range(1000):
    c = C(); c.me = c
del c
print("freed automatically:", freed > 900)
gc.collect()
print("after collect:", freed)
gc.disable()
freed = 0
for _ in range(100):
    c = C(); c.me = c
del c
print("with gc disabled:", freed)
gc.collect()
print("after explicit collect:", freed)
