import functools
data = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(data), 0)))
counter = iter(range(10))
print(list(iter(functools.partial(next, counter), 4)))
class Reader:
    def __init__(self, chunks):
        self.chunks = list(chunks)
    def read(self):
        return self.chunks.pop(0) if self.chunks else b""
r = Reader([b"ab", b"cd"])
print(list(iter(r.read, b"")))
it = iter(lambda: 1, 1)
print(list(it), type(it).__name__)
def raising():
    raise ValueError("in callable")
try:
    list(iter(raising, None))
except ValueError as e:
    print(e)
def stop():
    raise StopIteration
print(list(iter(stop, None)))
