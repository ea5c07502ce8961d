def attempt(fn):
    try:
        print("ok", fn())
    except (IndexError, KeyError) as e:
        print(type(e).__name__, repr(e), str(e))
attempt(lambda: [][0])
attempt(lambda: [1][-2])
attempt(lambda: (1, 2)[5])
attempt(lambda: "abc"[10])
attempt(lambda: b"abc"[10])
attempt(lambda: bytearray(b"a")[3])
attempt(lambda: range(3)[3])
attempt(lambda: [].pop())
attempt(lambda: [1].pop(5))
attempt(lambda: memoryview(b"a")[4])
def setit():
    a = [1]
    a[3] = 0
def delit():
    a = [1]
    del a[3]
attempt(setit)
attempt(delit)
attempt(lambda: [].insert(5, 1) or "insert ok")
attempt(lambda: {}["k"])
attempt(lambda: {}[1])
attempt(lambda: {}[(1, "a")])
attempt(lambda: {}[None])
attempt(lambda: {}[""])
attempt(lambda: {}.pop("x"))
attempt(lambda: {}.popitem())
attempt(lambda: set().pop())
attempt(lambda: {1}.remove(2))
attempt(lambda: frozenset().__contains__(1) or "frozenset ok")
import collections
attempt(lambda: collections.OrderedDict().popitem())
attempt(lambda: collections.deque().pop())
attempt(lambda: collections.deque().popleft())
class D(dict):
    def __missing__(self, key):
        return f"missing {key}"
attempt(lambda: D()["q"])
class E(dict):
    def __missing__(self, key):
        raise KeyError(key, "extra")
attempt(lambda: E()["q"])
try:
    raise KeyError()
except KeyError as e:
    print(repr(e), repr(str(e)), e.args)
try:
    raise KeyError("a", "b")
except KeyError as e:
    print(repr(e), str(e))
try:
    raise IndexError
except IndexError as e:
    print(repr(e), repr(str(e)))
