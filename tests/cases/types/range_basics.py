r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], r[::2], 5 in r, 6 in r, r.index(8), r.count(11))
print(range(5), range(0, 5), range(5, 0, -1), list(range(5, 0, -2)), list(range(0)), range(-3))
print(range(3) == range(0, 3, 1), range(0) == range(5, 2), range(1, 10, 4) == range(1, 8, 4), hash(range(3)) == hash(range(0, 3)))
print(r.start, r.stop, r.step, bool(range(0)), bool(range(1)), reversed(range(3)).__class__.__name__, list(reversed(r)))
big = range(0, 10 ** 30, 7)
print(big[-1] // 7, big[-1], big[10 ** 20], 10 ** 29 in big, big.index(700))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
try:
    r[100]
except IndexError as e:
    print(e)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(e)
try:
    r.index(4)
except ValueError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
print(range.__mro__, type(iter(range(3))).__name__, type(iter(range(10 ** 20))).__name__)
