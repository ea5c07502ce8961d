s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(100, -100, -3).indices(10))
print("abcdefgh"[s], [0, 1, 2, 3, 4, 5][slice(None, None, -2)], (1, 2, 3)[slice(-2, None)])
print(s == slice(1, 10, 2), slice(1) < slice(2), repr(slice("a", [1], None)))
try:
    hash(s)
    print("hashable")
except TypeError as e:
    print(e)
try:
    "abc"[::0]
except ValueError as e:
    print(e)
try:
    slice(1, 2, 0).indices(3)
except ValueError as e:
    print(e)
class S:
    def __getitem__(self, k):
        return k
x = S()
print(x[1:2], x[::3], x[1:2, 3], x[...], x[:, None], x["a":"b":"c"])
