print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]), any(x > 2 for x in range(5)))
print(len("abc"), len([1, 2]), len({}), len(range(10)), len(b"xy"), len({1: 2, 3: 4}.items()))
class L:
    def __len__(self):
        return 3
class B:
    def __bool__(self):
        return False
class N:
    def __len__(self):
        return -1
class Big:
    def __len__(self):
        return 2 ** 70
print(len(L()), bool(L()), bool(B()), bool(object()), not B())
for call in [lambda: len(5), lambda: len(N()), lambda: len(Big()), lambda: bool(N()), lambda: len(iter([]))]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(e)
