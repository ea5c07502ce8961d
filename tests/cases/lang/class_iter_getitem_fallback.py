# Objects with only __getitem__ are iterable; __iter__ = None blocks iteration.
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i
print(list(Squares()), 9 in Squares(), sorted(Squares(), reverse=True))
a, b, *c = Squares()
print(a, b, c)
class NotIterable:
    __iter__ = None
    def __getitem__(self, i): return i
try:
    iter(NotIterable())
except TypeError as e:
    print("TypeError:", e)
class StopEarly:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopEarly()))
class KeyErr:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErr())
except KeyError as e:
    print("KeyError:", e)
