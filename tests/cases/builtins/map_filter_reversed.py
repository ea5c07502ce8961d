print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed((1, 2))))
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2}.items())), list(reversed({1: 2, 5: 6}.values())))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "abc"[i]
class Rev:
    def __reversed__(self):
        return iter("custom")
print(list(reversed(Seq())), list(reversed(Rev())), type(reversed([])).__name__, type(reversed(Seq())).__name__)
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m), list(m), type(filter(None, [])).__name__)
for call in [lambda: map(), lambda: map(abs), lambda: list(map(abs, 5)), lambda: reversed(5),
             lambda: reversed({1, 2}), lambda: filter(None), lambda: list(map(abs, ["x"]))]:
    try:
        print(call())
    except TypeError as e:
        print(e)
r = reversed([1, 2, 3])
print(r.__length_hint__(), next(r), r.__length_hint__())
