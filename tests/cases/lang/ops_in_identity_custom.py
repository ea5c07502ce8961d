# `in` via __contains__, __iter__, and __getitem__ fallbacks; `is` semantics.
class Contains:
    def __contains__(self, x):
        print("contains", x)
        return x == 1
class Iter:
    def __iter__(self):
        print("iter")
        return iter([1, 2])
class GetItem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
print(1 in Contains(), 2 not in Contains(), 2 in Iter(), 20 in GetItem(), 25 in GetItem())
class Weird:
    def __contains__(self, x):
        return "non-bool truthy"
print(0 in Weird())
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
nan = float("nan")
print(nan in [nan], nan == nan, [nan] == [nan])
a = [1]
print(a is a, a is not [1], None is None, () is ())
