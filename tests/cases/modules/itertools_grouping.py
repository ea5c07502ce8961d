# itertools: groupby/_grouper and tee/_tee.
import itertools as it


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print([(k, list(g)) for k, g in it.groupby('aaabbcdddd')])
print([(k, list(g)) for k, g in it.groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
print([k for k, g in it.groupby('aabbbc')], list(it.groupby([])))
# groups consumed out of order are empty
groups = list(it.groupby('aabbc'))
print([(k, list(g)) for k, g in groups])
g = it.groupby('aab')
k, grp = next(g)
print(k, next(grp), type(grp).__name__, grp.__reduce__()[1][1])
next(g)
print(list(grp), grp.__reduce__())
print(it.groupby([1]).__reduce__()[1][1], type(it.groupby([]).__reduce__()[1][0]).__name__)
show("groupby none", lambda: it.groupby())
show("groupby int", lambda: it.groupby(1))
show("groupby three", lambda: it.groupby([], 1, 2))
show("groupby kw", lambda: it.groupby(x=1))
show("groupby kw3", lambda: it.groupby([], key=1, iterable=2))
show("groupby keyfunc raises", lambda: list(it.groupby([1, 0], key=lambda x: 1 / x)))
print([(k, list(g)) for k, g in it.groupby(iterable=[1, 1, 2], key=None)])
show("grouper bad", lambda: it._grouper(1, 2))

# tee
a, b = it.tee(range(5))
print(next(a), next(a), list(b), list(a))
print(it.tee([1], 0), len(it.tee('abc', 5)), [list(x) for x in it.tee('xyz', 3)])
a, b = it.tee(iter(range(200)))
print(sum(a), sum(b), type(a).__name__, type(a).__module__)
a, b = it.tee('abc')
c = a.__copy__()
print(next(a), list(c), list(a), list(b))
a, b = it.tee(range(3))
x, y = it.tee(a)
print(x is a, list(x), list(y), list(b))
import _weakref as weakref
a, b = it.tee([1])
w = weakref.ref(a)
print(w() is a)
del a
print(w())
show("tee none", lambda: it.tee())
show("tee int", lambda: it.tee(1))
show("tee neg", lambda: it.tee([1], -1))
show("tee str", lambda: it.tee([1], 'a'))
show("tee three", lambda: it.tee([1], 2, 3))
show("tee kw", lambda: it.tee([1], n=2))
show("tee big", lambda: it.tee([1], 2**70))


class Reenter:
    def __iter__(self):
        return self

    def __next__(self):
        return next(self.t)


r = Reenter()
r.t, _ = it.tee(r)
show("tee reenter", lambda: next(r.t))
# a long tee chain is freed without deep recursion
a, b = it.tee(range(200000))
for _ in a:
    pass
del a, b
print("freed")
print(type(it.tee([1])[0].__reduce__()[2][0]).__name__)
