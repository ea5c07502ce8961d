# _collections: defaultdict, _tuplegetter, _count_elements.
from _collections import defaultdict, _tuplegetter, _count_elements
import _collections


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(sorted(x for x in dir(_collections) if not x.startswith('__') and x != 'OrderedDict'))
d = defaultdict(list)
d['a'].append(1); d['b'].append(2); d['a'].append(3)
print(d, d['c'], len(d), dict(d), 'z' in d, d.get('z'))
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(c, c.default_factory)
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(list, {1: 2}, a=3), defaultdict(list, [(1, 2)]))
show("no factory", lambda: defaultdict()[3])
show("bad factory", lambda: defaultdict(1))
print(defaultdict(list).__missing__(3), defaultdict(list).__reduce__()[:4])
e = defaultdict(set, {1: {2}})
f = e.copy()
print(f, type(f).__name__, f[1] is e[1], e.__copy__())
print(defaultdict(list) | {1: 2}, {1: 2} | defaultdict(list), type({1: 2} | defaultdict(list)).__name__)
show("or int", lambda: defaultdict(list) | 1)
g = defaultdict(list); g |= {5: 6}; print(g, type(g).__name__)
g.default_factory = dict
print(g[7], g)
g.default_factory = None
show("missing after None", lambda: g[8])
r = defaultdict(); r.default_factory = r.copy
print(r)
rr = defaultdict(list); rr[1] = rr; print(rr)
print(isinstance(d, dict), defaultdict.__mro__, defaultdict.__name__, defaultdict.__module__)


class Sub(defaultdict):
    def __missing__(self, key):
        return key * 2


s = Sub(list)
print(s[4], s, repr(Sub(int, {1: 1})))

# _tuplegetter
g = _tuplegetter(1, 'the second')
print(g, g.__doc__, g.__get__((1, 2)), g.__get__(None, tuple) is g, g.__reduce__())
show("out of range", lambda: _tuplegetter(3, 'doc').__get__((5,)))
show("not tuple", lambda: _tuplegetter(0, 'doc').__get__([5]))


class P(tuple):
    __slots__ = ()
    x = _tuplegetter(0, 'x doc')
    y = _tuplegetter(1, 'y doc')


p = P((3, 4))
print(p.x, p.y, P.x.__doc__)
def setx(): p.x = 5
show("set", setx)
def delx(): del p.x
show("del", delx)
P.x.__doc__ = 'changed'
print(P.x.__doc__)

# _count_elements
m = {}
_count_elements(m, 'abracadabra')
print(m)
_count_elements(m, ['a', 'z'])
print(m)


class Counted(dict):
    def get(self, k, default=None):
        print('get', k)
        return dict.get(self, k, default)


n = Counted()
_count_elements(n, 'ab')
print(n)
show("count none", lambda: _count_elements({}))
show("count int", lambda: _count_elements({}, 1))
