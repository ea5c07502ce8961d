# Slice objects passed to __getitem__/__setitem__ with extended syntax.
class Show:
    def __getitem__(self, k):
        return k
    def __setitem__(self, k, v):
        print("set", k, v)
s = Show()
print(s[1:2], s[::3], s[:, 1], s[1:2, ...], s[...], s[-1::-1])
s[1:2:3] = "v"
s[:] = []
sl = slice(1, 10, 2)
print(sl.indices(5), list(range(20))[sl], sl.start, sl.stop, sl.step)
print("abcdef"[::-2], "abcdef"[10:], "abcdef"[-100:2], [1, 2, 3][slice(None, None, -1)])
try:
    [1, 2][::0]
except ValueError as e:
    print("ValueError:", e)
lst = [0, 1, 2, 3, 4, 5]
lst[1:5:2] = ["a", "b"]
print(lst)
try:
    lst[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
