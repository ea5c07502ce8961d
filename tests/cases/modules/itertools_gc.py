# Cycles through itertools and _collections objects are found by the collector; weak references
# to them die with them.
import gc
import itertools as it
from _collections import deque, defaultdict
import _functools
import _operator


class Node:
    pass


def cycle_count(make):
    gc.collect()
    for _ in range(10):
        make()
    return gc.collect() > 0


def via_chain():
    n = Node()
    n.it = it.chain([n])


def via_cycle():
    n = Node()
    n.it = it.cycle([n])
    next(n.it)


def via_tee():
    n = Node()
    a, b = it.tee([n, n])
    next(a)
    n.t = a


def via_deque():
    d = deque()
    d.append(d)


def via_deque_big():
    d = deque(range(500))
    d.append(d)


def via_defaultdict():
    d = defaultdict(list)
    d[1] = d


def via_factory():
    d = defaultdict()
    d.default_factory = d.copy


def via_partial():
    n = Node()
    n.p = _functools.partial(print, n)


def via_groupby():
    n = Node()
    n.g = it.groupby([n, n])
    k, grp = next(n.g)
    n.grp = grp


def via_product():
    n = Node()
    n.p = it.product([n], [1])
    next(n.p)


def via_methodcaller():
    n = Node()
    n.m = _operator.methodcaller('f', n)


def via_zip_longest():
    n = Node()
    n.z = it.zip_longest([n], fillvalue=n)
    next(n.z)


def via_deque_iter():
    d = deque([1])
    d.append(iter(d))


for f in [via_chain, via_cycle, via_tee, via_deque, via_deque_big, via_defaultdict, via_factory, via_partial,
          via_groupby, via_product, via_methodcaller, via_zip_longest, via_deque_iter]:
    print(f.__name__, cycle_count(f))
