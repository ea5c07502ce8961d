# _collections.deque: ends, maxlen, indexing, rotate, insert/remove/index, comparison, repr,
# mutation checks, iterators, copies, subclasses.
from _collections import deque
import _collections


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = deque([1, 2, 3])
d.append(4); d.appendleft(0); d.extend([5, 6]); d.extendleft('ba')
print(d, len(d), d[0], d[-1], d[3], bool(d), bool(deque()))
print(d.pop(), d.popleft(), d, d.count(3), 3 in d, 99 in d)
big = deque(range(1000))
for _ in range(300):
    big.append(big.popleft())
print(big[0], big[-1], big[500], len(big), sum(big))
for i in range(1000):
    big.appendleft(i)
print(len(big), big[0], big[999], big[1000], big[1999])
while big:
    big.pop()
print(big, len(big))
print(deque([1, 2, 3], 2), deque('abcdef', maxlen=3), deque([], 0), deque(maxlen=None))
m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen)
m.appendleft(9); print(m)
m.extendleft([7, 8]); print(m)
z = deque(maxlen=0); z.append(1); z.extend(range(5)); print(z)
for args in [(1,), ([1], 2, 3), ([1], -1), ([1], 'a'), ([1], 2.0)]:
    show("deque%r" % (args,), lambda: deque(*args))
show("deque kw", lambda: deque(x=1))
show("deque big", lambda: deque([], 2**70))
print(deque(iterable=[1], maxlen=5))
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())

# indexing and item assignment
d = deque(range(10))
d[0] = 'x'; d[-1] = 'y'; del d[3]; del d[-2]
print(d)
show("index 99", lambda: d[99])
show("index -99", lambda: d[-99])
show("index str", lambda: d['a'])
show("index slice", lambda: d[1:2])
def setbad(): d[99] = 1
show("set 99", setbad)
def delbad(): del d['a']
show("del str", delbad)

# rotate, reverse, insert, remove, index
d = deque(range(10)); d.rotate(3); print(d); d.rotate(-5); print(d); d.rotate(); print(d); d.rotate(23); print(d)
e = deque(); e.rotate(5); print(e)
d = deque(range(200)); d.rotate(70); print(list(d)[:3], d[100], d[-1]); d.rotate(-140); print(list(d)[:3])
d.reverse(); print(list(d)[:3], list(d)[-3:])
d = deque(range(10)); d.insert(-1, 'y'); d.insert(100, 'z'); d.insert(-100, 'w'); d.insert(3, 'i'); print(d)
d.remove('i'); d.remove(9); print(d)
show("remove missing", lambda: d.remove(99))
print(d.index(5), d.index(5, 2), d.index(5, -8, -1))
show("index missing", lambda: d.index(99))
show("index range", lambda: d.index(0, 3))
show("index str", lambda: d.index(2, 'a'))
show("insert full", lambda: deque([1], 1).insert(0, 2))
show("insert str", lambda: d.insert('a', 1))
show("rotate str", lambda: d.rotate('a'))
show("rotate two", lambda: d.rotate(1, 2))
show("extend int", lambda: d.extend(1))

# operators and comparisons
d = deque([1, 2, 3])
print(d + deque([4]), d * 2, 2 * d, d * 0, d * -1)
e = deque('ab'); e += 'cd'; print(e); e *= 2; print(e)
f = deque('abc', 5); f *= 3; print(f)
show("add list", lambda: d + [1])
show("mul str", lambda: d * 'a')
show("lt list", lambda: d < [1])
show("hash", lambda: hash(d))
print(deque([1, 2]) + deque([3], 1), deque([3], 1) + deque([1, 2]), deque('ab', 3) * 2)
print(d == deque([1, 2, 3]), d == [1, 2, 3], d != deque([1, 2]), d < deque([1, 2, 4]), d <= deque([1, 2, 3]),
      deque([2]) > deque([1, 5]), deque() >= deque(), deque([1]) != deque([1.0]), deque([1, 2]) < deque([1, 2, 0]))
print(d.maxlen, deque([], 3).maxlen)

# repr, recursion, str
r = deque(); r.append(r); print(r, repr(deque([1], 3)), str(deque('ab')))
s = deque([[1]]); s[0].append(s); print(s)

# iteration and mutation
def probe(name, op):
    d = deque(range(5))
    it = iter(d)
    next(it)
    op(d)
    try:
        print(name, next(it))
    except Exception as e:
        print(name, type(e).__name__, e)
probe("reverse", lambda d: d.reverse())
probe("rotate", lambda d: d.rotate(1))
probe("rotate0", lambda d: d.rotate(0))
probe("setitem", lambda d: d.__setitem__(0, 9))
probe("delitem", lambda d: d.__delitem__(4))
probe("insert", lambda d: d.insert(4, 1))
probe("remove", lambda d: d.remove(4))
probe("clear", lambda d: d.clear())
probe("extend0", lambda d: d.extend([]))
probe("iadd", lambda d: d.__iadd__([1]))
probe("popappend", lambda d: (d.append(d.popleft())))


class E:
    def __eq__(self, o):
        d.clear()
        return False


for name, op in [("remove", lambda d: d.remove(5)), ("count", lambda d: d.count(5)), ("in", lambda d: 5 in d),
                 ("index", lambda d: d.index(5))]:
    d = deque([E(), 1, 2])
    show(name, lambda: op(d))

d = deque(range(130))
print(list(reversed(d)) == list(range(129, -1, -1)), list(d) == list(range(130)))
it = iter(d); next(it)
print(it.__length_hint__(), type(it).__name__, type(reversed(d)).__name__, reversed(d).__length_hint__())
print(list(_collections._deque_iterator(deque([1, 2, 3]), 1)), list(_collections._deque_reverse_iterator(deque([1, 2, 3]), 1)))
print(it.__reduce__()[1][1], d.__reduce__()[:3], deque([1], 3).__reduce__()[:3])

# copies, clear, sizes
d = deque([1, [2]], 5)
c = d.copy(); c2 = d.__copy__()
print(c, c2, c[1] is d[1], c.maxlen)
d.clear(); print(d, len(d))
print(deque(range(3)).__sizeof__(), deque().__sizeof__(), deque(range(64)).__sizeof__(), deque(range(65)).__sizeof__())
d = deque([1, 2]); d.__init__([3]); print(d)
d.extend(d); print(d)


class D(deque):
    pass


x = D([1, 2], 3)
print(repr(x), x.copy(), type(x.copy()).__name__, x.__reduce__()[:2], type(x + x).__name__, type(x * 2).__name__)
x.foo = 1
print(x.__reduce__()[2], isinstance(x, deque), D.__mro__)
import _weakref as weakref
w = weakref.ref(x)
print(w() is x)
del x
print(w())
print(deque.__name__, deque.__module__, deque.__qualname__)
