# iter(callable, sentinel), next with default, zip strict, enumerate start, reversed, map/filter.
vals = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(vals), 0)))
print(list(enumerate("abc", start=1)))
print(list(zip([1, 2], "ab", (True, False))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(reversed(range(4))), list(reversed("abc")))
print(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, "", "x", None])))
print(list(filter(lambda x: x > 1, [1, 2, 3])))
print(any([]), all([]), any(x > 2 for x in [1, 3]), all(x for x in [1, 0]))
print(sum([1, 2], 10), sum([[1], [2]], []), min("bca"), max([], default="empty"))
print(sorted("bca", reverse=True), sorted([-3, 1, 2], key=abs))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from empty iterator")
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
