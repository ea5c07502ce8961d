# Edge cases: subclasses of every itertools type, re-entrancy, tee of tee, odd keys; deque, defaultdict,
# operator and partial corners.
import itertools as it
from _collections import deque, defaultdict
import _operator as o, _functools as f

def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

# subclasses of every itertools type accept their arguments and keep their class
for T, args in [(it.count, (1,)), (it.cycle, ('ab',)), (it.repeat, (1, 2)), (it.accumulate, ([1, 2],)), (it.chain, ('a', 'b')),
                (it.compress, ('ab', [1, 1])), (it.dropwhile, (bool, [0, 1])), (it.takewhile, (bool, [1, 0])),
                (it.filterfalse, (bool, [0, 1])), (it.starmap, (pow, [(2, 2)])), (it.islice, ('abc', 2)), (it.pairwise, ('abc',)),
                (it.zip_longest, ('ab', 'c')), (it.groupby, ('aab',)), (it.product, ('ab', 'c')), (it.permutations, ('ab',)),
                (it.combinations, ('abc', 2)), (it.combinations_with_replacement, ('ab', 2))]:
    class S(T):
        pass
    s = S(*args)
    print(T.__name__, type(s).__name__, list(it.islice(s, 4)) if T is not it.groupby else [k for k, g in s])
for name in ['_grouper', '_tee', '_tee_dataobject']:
    def make(name=name):
        class X(getattr(it, name)):
            pass
    show("subclass " + name, make)
class C(it.chain): pass
print(list(C.from_iterable(['ab'])), type(C.from_iterable([])).__name__)
show("chain sub kw", lambda: list(C('a', x=1)))
class R(it.repeat):
    def __init__(self, *a, **k): pass
print(repr(R(1, 2)), repr(R(object=3)))
# re-entrancy
def gen():
    yield 1
    yield from cyc
cyc = it.cycle(gen())
show("cycle reenter", lambda: list(it.islice(cyc, 3)))
# islice with stop None and step
print(list(it.islice(it.count(), 0, 20, 7)), list(it.islice('abcdef', 1, None, 2)))
# tee of tee, of a tee that is partially consumed
a, b = it.tee(iter(range(10)))
next(a); next(a)
c, d = it.tee(a)
print(list(c), list(d), list(b))
print(len(it.tee(iter([]), 10)), it.tee(it.count(), 1)[0].__class__.__name__)
# product with iterators consumed once
g = (x for x in 'ab')
print(list(it.product(g, repeat=2)))
# groupby with keys that compare oddly
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v // 2 == o.v // 2
print([len(list(g)) for k, g in it.groupby([K(0), K(1), K(2), K(3), K(5)])])
# deque odds
d = deque(range(5))
show("deque big index", lambda: d[2**70])
show("deque neg huge", lambda: d[-2**70])
print(d.index(4, -100, 100), d[True])
d2 = deque(maxlen=3); d2.extendleft(range(10)); print(d2)
d3 = deque([1, 2, 3], 3); d3.insert(0, 9) if False else None
show("insert full maxlen", lambda: d3.insert(1, 9))
e = deque('abc'); e.extendleft(e); print(e)
print(deque([1,2]) == deque([1,2], 5), deque('ab', 2) * 3, len(deque(range(1000), 10)))
print(repr(deque(range(3), maxlen=0)), deque([], 0).maxlen)
class DD(deque):
    def __repr__(self): return 'DD!'
x = DD([DD()]); print(repr(x), str(deque([x])))
# defaultdict odds
dd = defaultdict(lambda: 'v')
print(dd['a'], dd.get('b'), 'b' in dd, dd.setdefault('c', 1), dict(dd), dd.pop('a'))
dd2 = defaultdict(list, a=1)
print(dd2 == {'a': 1}, dd2.__eq__({'a': 1}), sorted(dd2.items()), type(dd2.copy()) is defaultdict)
show("dd kw factory", lambda: defaultdict(default_factory=list))
print(defaultdict(list, {}, b=2))
# operator odds
print(o.itemgetter(0, 0)([5]), o.attrgetter('__class__.__name__')(1), o.methodcaller('__add__', 2)(3))
show("itemgetter dict missing", lambda: o.itemgetter('x')({}))
print(o.length_hint(it.repeat(1, 5)), o.length_hint(deque([1, 2])), o.length_hint(iter(deque(range(4)))))
print(o.countOf('aaba', 'a'), o.is_(o, o), o.pow(2, -1))
# partial odds
p = f.partial(f.partial, f.partial, print)
print(type(p()).__name__)
p2 = f.partial(dict, a=1)
print(p2(a=2, b=3), p2(), p2.keywords)
show("partial call kw conflict", lambda: f.partial(lambda x: x, 1)(x=2))
print(f.reduce(lambda a, b: a + b, iter([[1], [2], [3]]), []))
# __class_getitem__ gives types.GenericAlias
print(it.chain[int], deque[int], defaultdict[str, int], f.partial[int], deque[int]([1]), type(it.chain[int]).__name__)
