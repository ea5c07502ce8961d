# WeakKeyDictionary entries disappear when the keys die.
import weakref
class K:
    def __init__(self, n): self.n = n
data = weakref.WeakKeyDictionary()
k1, k2 = K(1), K(2)
data[k1] = "one"
data[k2] = "two"
print(len(data), data[k1])
del k1
print(len(data), [k.n for k in data])
k2 = None
print(len(data))
