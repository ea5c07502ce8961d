calls = [
    lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: divmod(1), lambda: isinstance(1), lambda: "abc".split(1),
    lambda: "abc".replace("a"), lambda: [].append(), lambda: [].append(1, 2), lambda: {}.get(), lambda: int("1", 2, 3),
    lambda: int(x="1"), lambda: sorted([], cmp=None), lambda: print(sep=1), lambda: print(end=2), lambda: "a".join([1]),
    lambda: "a".join(5), lambda: str(1, 2), lambda: "x".startswith(1), lambda: list(1), lambda: dict(1), lambda: dict([1]),
    lambda: dict([(1, 2, 3)]), lambda: set(1), lambda: tuple(1, 2), lambda: range(), lambda: range(1, 2, 3, 4),
    lambda: range("a"), lambda: [].pop("x"), lambda: "a".center(), lambda: "a".center(5, "ab"), lambda: bytes("x"),
    lambda: bytes(-1), lambda: float([]), lambda: int([]), lambda: complex("1", 2), lambda: ord(), lambda: chr("a"),
    lambda: "abc"["x"], lambda: [1][1.0], lambda: (1,)["a"], lambda: "{}".format(), lambda: "{0} {}".format(1, 2),
    lambda: "%d" % "x", lambda: "%s %s" % (1,), lambda: "%s" % (1, 2), lambda: "%(a)s" % 1, lambda: "%y" % 1,
]
for c in calls:
    try:
        c()
        print("no error")
    except (TypeError, ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
