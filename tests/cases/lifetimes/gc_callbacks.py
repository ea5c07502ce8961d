import gc
gc.disable()
gc.collect()

def cb(phase, info):
    print(phase, sorted(info.items()))

gc.callbacks.append(cb)
class N: pass
a = N(); a.me = a
del a
print("returned", gc.collect())
print("returned", gc.collect(0))
gc.callbacks.remove(cb)
print("returned", gc.collect())
