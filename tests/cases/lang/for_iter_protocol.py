# for uses __iter__/__next__, and falls back to __getitem__ until IndexError.
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
for x in Countdown(3):
    print(x)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return "item%d" % i
for s in Seq():
    print(s)
print(list(Seq()))
it = iter([1, 2, 3])
for a in it:
    print("a", a)
    for b in it:
        print("b", b)
        break
try:
    for z in 42:
        pass
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
