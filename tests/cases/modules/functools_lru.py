# _functools._lru_cache_wrapper: hits/misses, eviction order, typed keys, keywords, methods.
from _functools import _lru_cache_wrapper


def Info(*a):
    return a


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


calls = []


def f(*args, **kw):
    calls.append((args, kw))
    return len(calls)


c = _lru_cache_wrapper(f, 2, False, Info)
print(c(1), c(1), c(2), c(1), c(3), c(2), c(1), c.cache_info())
print(c('a'), c(a=1), c(a=1), c(1, a=1), c(1, a=1), c.cache_info(), len(calls))
c.cache_clear()
print(c.cache_info(), c(1), c.cache_info())

u = _lru_cache_wrapper(f, None, False, Info)
print([u(i % 3) for i in range(9)], u.cache_info(), u(1.0), u(True), u.cache_info())
t = _lru_cache_wrapper(f, None, True, Info)
print(t(1), t(1.0), t(True), t(1), t.cache_info())
z = _lru_cache_wrapper(f, 0, False, Info)
print(z(1), z(1), z.cache_info())
n = _lru_cache_wrapper(f, -5, False, Info)
print(n.cache_info())
show("not callable", lambda: _lru_cache_wrapper(1, 2, False, Info))
show("bad maxsize", lambda: _lru_cache_wrapper(f, 'x', False, Info))
show("unhashable", lambda: u([1]))
show("few args", lambda: _lru_cache_wrapper(f))


class H:
    count = 0

    def __hash__(self):
        H.count += 1
        return 1


h = H()
b = _lru_cache_wrapper(f, 10, False, Info)
b(h); b(h); b(h, h)
print(H.count, b.cache_info())


def fib(n):
    return n if n < 2 else wrapped(n - 1) + wrapped(n - 2)


wrapped = _lru_cache_wrapper(fib, 3, False, Info)
print(wrapped(60), wrapped.cache_info())


class A:
    def m(self, x):
        return (self.__class__.__name__, x)

    m = _lru_cache_wrapper(m, 4, False, Info)


a = A()
print(a.m(1), a.m(1), A.m.cache_info(), A.m(a, 1))
c.__doc__ = 'doc'
c.__wrapped__ = f
c.extra = 5
print(c.__doc__, c.__wrapped__ is f, c.__dict__, c.__copy__() is c, c.__deepcopy__({}) is c)
print(type(c).__name__, type(c).__module__)
