# _functools: reduce, cmp_to_key, partial.
import _functools as f


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(sorted(x for x in dir(f) if not x.startswith('__') and x != '_lru_cache_wrapper'))
print(f.reduce(lambda a, b: a + b, [1, 2, 3]), f.reduce(lambda a, b: a + b, [], 5), f.reduce(lambda a, b: a * b, range(1, 8), 1))
print(f.reduce(lambda a, b: a + b, ['a', 'b', 'c'], '>'), f.reduce(max, [3, 9, 2]), f.reduce(lambda a, b: a, [7]))
show("reduce empty", lambda: f.reduce(lambda a, b: a + b, []))
show("reduce not callable", lambda: f.reduce(1, [1, 2]))
show("reduce one arg", lambda: f.reduce(len))
show("reduce not iterable", lambda: f.reduce(len, 1))
show("reduce four", lambda: f.reduce(len, [1], 2, 3))
show("reduce kw", lambda: f.reduce(function=len, iterable=[1]))


def gen():
    yield 1
    yield 2
    raise ValueError('inside')


show("reduce raises", lambda: f.reduce(lambda a, b: a + b, gen()))

# cmp_to_key
K = f.cmp_to_key(lambda a, b: a - b)
print(type(K).__name__, sorted([3, 1, 2], key=K), sorted('bca', key=f.cmp_to_key(lambda a, b: (a > b) - (a < b)), reverse=True))
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) != K(1), K(5) > K(1), K(1) >= K(2), K(4).obj)
print(sorted([1.5, 0.5], key=f.cmp_to_key(lambda a, b: a - b)))
show("cmp none", lambda: f.cmp_to_key())
print(type(f.cmp_to_key(mycmp=len)).__name__)
show("key hash", lambda: hash(K(1)))
show("key vs int", lambda: K(1) < 1)
show("key no obj", lambda: K())
show("key two", lambda: K(1, 2))

# partial
def g(*a, **k):
    return a, k


p = f.partial(g, 1, x=2)
print(p(3, y=4), p(x=5), p(), p.func is g, p.args, p.keywords)
print(repr(p).replace(hex(id(g)), 'ID'), repr(f.partial(len)))
q = f.partial(p, 3, z=1)
print(q.func is g, q.args, q.keywords, q(4))
print(f.partial(p, x=9).keywords, f.partial(g)(), f.partial(g, a=1)(a=2))
print(f.partial(g, **{'a-b': 1}).keywords, f.partial(g, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17)(18, 19))
show("partial none", lambda: f.partial())
show("partial int", lambda: f.partial(1))
show("partial func kw", lambda: f.partial(func=g))
r = p.__reduce__()
print(r[0].__name__, r[1][0] is g, r[2][1:])
s = f.partial(g)
s.__setstate__((g, (7,), {'k': 1}, None))
print(s(), s.args, s.keywords)
show("setstate bad", lambda: s.__setstate__((1, 2)))
show("setstate not tuple", lambda: s.__setstate__([]))
p.attr = 5
print(p.__dict__, p.attr, f.partial(p).args)


class A:
    m = f.partial(g, 1)


print(A().m(2), f.partial.__module__, f.partial.__name__, type(p).__qualname__)


class P(f.partial):
    pass


pp = P(g, 1)
print(pp(2), type(pp).__name__, repr(pp).startswith('P(') or repr(pp)[:20])
rec = f.partial(g)
rec.__setstate__((g, (rec,), {}, None))
print(repr(rec).replace(hex(id(g)), 'ID'))
import _weakref as weakref
w = weakref.ref(p)
print(w() is p)

# repr keeps keyword values alive while str(key) mutates the dict; non-str keywords fail the call
p = f.partial(g)


class MutatesYourDict(object):
    def __str__(self):
        p.keywords[self] = ['sth2']
        return 'astr'


p.keywords[MutatesYourDict()] = ['sth']
print(repr(p).replace(hex(id(g)), 'ID'))
q = f.partial(g)
q.keywords[1234] = 'value'
print('1234' in repr(q))
show("non-str keyword", lambda: q())
