# Mutable class attributes shared by instances vs. instance shadowing.
class Bag:
    items = []
    count = 0
    def add(self, x):
        self.items.append(x)
        self.count += 1
a, b = Bag(), Bag()
a.add(1)
b.add(2)
print(Bag.items, a.count, b.count, Bag.count)
print("count" in vars(a), "items" in vars(a))
Bag.count = 100
c = Bag()
print(a.count, c.count)
del a.count
print(a.count)
try:
    del a.count
except AttributeError as e:
    print("AttributeError:", e)
