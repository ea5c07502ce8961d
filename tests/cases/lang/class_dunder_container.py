# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __reversed__.
class Box:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i):
        print("getitem", i)
        return self.items[i]
    def __setitem__(self, i, v):
        print("setitem", i, v)
        self.items[i] = v
    def __delitem__(self, i):
        print("delitem", i)
        del self.items[i]
    def __reversed__(self):
        return iter(["rev"])
b = Box(1, 2, 3)
print(len(b), b[0], b[-1], b[0:2])
b[1] = 20
del b[0]
print(b.items, bool(b))
print(list(reversed(b)))
print(2 in Box(1, 2))
b[1:2] = [9]
class Neg:
    def __len__(self): return -1
try:
    len(Neg())
except ValueError as e:
    print("ValueError:", e)
class Huge:
    def __len__(self): return 2 ** 100
try:
    len(Huge())
except OverflowError as e:
    print("OverflowError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)
try:
    Box()["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    object()[0]
except TypeError as e:
    print("TypeError:", e)
