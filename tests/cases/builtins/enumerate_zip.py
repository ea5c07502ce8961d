print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=-1)), list(enumerate("x", start=2 ** 70)))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(*[(1, 2), (3, 4)])), dict(zip("xy", [1, 2])))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], "ab", strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], "ab", [5, 6], strict=True))
except ValueError as e:
    print(e)
e = enumerate("xy")
print(next(e), type(e).__name__, iter(e) is e, list(e))
z = zip("ab", "cd")
print(type(z).__name__, next(z), list(z), list(z))
for call in [lambda: enumerate(5), lambda: zip(1), lambda: enumerate("a", "b"), lambda: zip("a", foo=1)]:
    try:
        print(call())
    except TypeError as e:
        print(e)
