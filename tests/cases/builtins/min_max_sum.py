print(min(3, 1, 2), max([3, 1, 2]), min("bca"), max("a", "B"), min([], default=None), max((), default=7))
print(min([1, -5, 3], key=abs), max(["aa", "b", "ccc"], key=len), max([(1, "a"), (1, "b")]), min({3: 1, 1: 2}))
print(max([1, 1.0, True]), min([True, 1, 1.0]), max(2, 2.5), min(iter([4, 2, 8])))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(101)), sum([], 10), sum((1, 2), start=5))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]), sum([1, 2.5, 3j]), sum([True, True]))
for call in [lambda: min([]), lambda: max(), lambda: min(1), lambda: max(1, 2, key=None, default=3),
             lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: min([1, "a"]), lambda: max(1, 2, foo=3),
             lambda: sum([[1]], start=0)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
