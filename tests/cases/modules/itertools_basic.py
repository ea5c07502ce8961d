# itertools: the infinite and filtering iterators, their reprs, argument errors, __reduce__.
import itertools as it
from itertools import islice


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


# count
print(list(islice(it.count(), 5)), list(islice(it.count(10, -3), 4)))
print(list(islice(it.count(0.5, 0.25), 4)), list(islice(it.count(1j, 1), 3)))
print(list(islice(it.count(2**62, 2**62), 3)), list(islice(it.count(2**47 - 2), 4)))
print(list(islice(it.count(True), 3)), list(islice(it.count(start=3, step=2), 3)))
for c in [it.count(), it.count(5), it.count(0, 1), it.count(0, 1.0), it.count(0, True), it.count(1.5),
          it.count(2**70, 2**70), it.count(3, -1), it.count(3, 0), it.count(True), it.count(-7, 2)]:
    print(repr(c), c.__reduce__())
c = it.count(3)
next(c); next(c)
print(repr(c))
show("count kw", lambda: it.count(x=1))
show("count many", lambda: it.count(1, 2, 3))
show("count str", lambda: it.count('a'))
show("count step str", lambda: it.count(1, 'b'))
show("count dup", lambda: it.count(1, start=2))


class MyCount(it.count):
    pass


print(repr(MyCount(4)), list(islice(MyCount(4, 2), 3)))

# repeat
print(list(it.repeat('a', 3)), list(islice(it.repeat(None), 2)), list(it.repeat(1, -5)), list(it.repeat(1, times=0)))
for r in [it.repeat('a', 3), it.repeat('a'), it.repeat('a', -3), it.repeat(object=[1])]:
    print(repr(r), r.__reduce__())
r = it.repeat(7, 3)
print(r.__length_hint__(), next(r), r.__length_hint__(), repr(r))
show("repeat hint", lambda: it.repeat(1).__length_hint__())
show("repeat none", lambda: it.repeat())
show("repeat many", lambda: it.repeat(1, 2, 3))
show("repeat str", lambda: it.repeat('a', 'b'))
show("repeat big", lambda: it.repeat('a', 2**70))
show("repeat float", lambda: it.repeat('a', 2.0))

# cycle
print(list(islice(it.cycle('abc'), 8)), list(it.cycle([])))
c = it.cycle([1, 2])
print(next(c), c.__reduce__()[2], next(c), next(c), next(c), c.__reduce__()[2])
show("cycle none", lambda: it.cycle())
show("cycle two", lambda: it.cycle([1], [2]))
show("cycle int", lambda: it.cycle(1))
show("cycle kw", lambda: it.cycle(x=1))

# accumulate
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], initial=10)), list(it.accumulate([])))
print(list(it.accumulate([], initial=5)), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate('abc')))
print(list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=None)), list(it.accumulate([2, 3], func=pow)))
show("accumulate none", lambda: it.accumulate())
show("accumulate int", lambda: it.accumulate(1))
show("accumulate pos", lambda: it.accumulate([1], None, 2))
show("accumulate kw", lambda: it.accumulate([1], x=1))
show("accumulate dup", lambda: it.accumulate([], iterable=[]))
show("accumulate four", lambda: it.accumulate([1], func=None, initial=1, x=2))
show("accumulate type", lambda: list(it.accumulate([1, 'a'])))

# chain
print(list(it.chain('ab', [1, 2], (), range(3))), list(it.chain()), list(it.chain.from_iterable(['ab', 'cd'])))
c = it.chain([1], [2])
print(c.__reduce__()[0], len(c.__reduce__()), next(c), len(c.__reduce__()[2]))
show("chain kw", lambda: it.chain(x=1))
show("chain bad", lambda: list(it.chain([1], 1)))
show("from_iterable none", lambda: it.chain.from_iterable())
show("from_iterable bad", lambda: list(it.chain.from_iterable([1])))


def gen():
    yield 1
    raise ValueError("boom")


c = it.chain(gen(), [2])
print(next(c))
show("chain raise", lambda: next(c))
show("chain after", lambda: list(c))

# compress
print(list(it.compress('abcdef', [1, 0, 1, 0, 1, 1])), list(it.compress(range(10), it.cycle([0, 1]))))
print(list(it.compress(data=[1, 2], selectors=[0, 1])))
show("compress none", lambda: it.compress())
show("compress one", lambda: it.compress([1]))
show("compress int", lambda: it.compress(1, [2]))
show("compress three", lambda: it.compress([1], [2], [3]))

# dropwhile / takewhile / filterfalse / starmap
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, 2, '', 3, None])))
print(list(it.filterfalse(bool, [0, 1, []])), list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(it.starmap(lambda *a: a, ['ab', [1, 2, 3], ()])))
d = it.dropwhile(lambda x: x < 2, [1, 2, 3])
print(d.__reduce__()[2], next(d), d.__reduce__()[2])
t = it.takewhile(lambda x: x < 2, [1, 2, 3])
print(list(t), t.__reduce__()[2], list(t))
show("dropwhile none", lambda: it.dropwhile())
show("dropwhile one", lambda: it.dropwhile(None))
show("dropwhile int", lambda: it.dropwhile(None, 1))
show("takewhile three", lambda: it.takewhile(1, 2, 3))
show("takewhile kw", lambda: it.takewhile(func=1))
show("filterfalse none", lambda: it.filterfalse())
show("starmap int", lambda: list(it.starmap(pow, [1])))
show("starmap one", lambda: it.starmap(pow))
show("pred raises", lambda: list(it.takewhile(lambda x: 1 / x, [1, 0])))

# accumulate's state
a = it.accumulate([1, 2, 3])
print(a.__reduce__()[2]); next(a); print(a.__reduce__()[2])
b = it.accumulate([1, 2], initial=5)
r = b.__reduce__()
print(list(r[1][0]), r[2])
c = it.accumulate([1, 2, 3]); next(c)
cls, args, st = c.__reduce__()
d = cls(*args); d.__setstate__(st)
print(list(d))
