class Fib:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        a, b = 0, 1
        for _ in range(self.n):
            yield a
            a, b = b, a + b
print(list(Fib(10)), sum(Fib(5)), 3 in Fib(10), max(Fib(7)))
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
it = It()
print(list(it), list(it), next(iter(It())))
class Contains:
    def __contains__(self, x):
        return x == "magic"
print("magic" in Contains(), "other" in Contains(), "magic" not in Contains())
class GetItem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i
print(list(GetItem()), 4 in GetItem(), 5 in GetItem(), [*GetItem()], dict.fromkeys(GetItem()))
class LH:
    def __iter__(self):
        return iter([1, 2])
    def __length_hint__(self):
        return 100
print(list(LH()))
a, b = LH()
print(a, b)
class NotIter:
    __iter__ = None
try:
    iter(NotIter())
except TypeError as e:
    print(e)
