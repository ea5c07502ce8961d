t = (1, 2, 3, 2)
print(t, t[1], t[-1], t[1:3], t[::-1], len(t), t.count(2), t.index(3), 2 in t)
print(t + (4,), t * 2, (1,) * 0, (), (1,), tuple("ab"), tuple([1, 2]), tuple(range(3)))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), () == ())
a, *b, c = (1, 2, 3, 4)
print(a, b, c)
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash(("a",)) == hash(("a",)), hash((1.0, 2)) == hash((1, 2)))
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
print(repr((1,)), repr(((),)), str(("a", 1.5)), tuple.__mro__)
class P(tuple):
    pass
p = P((1, 2))
print(p, type(p), type(p + (3,)), p == (1, 2), isinstance(p, tuple))
try:
    t[5]
except IndexError as e:
    print(e)
try:
    t[0] = 1
except TypeError as e:
    print(e)
