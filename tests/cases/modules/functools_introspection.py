# Introspection of the support modules: reprs, names, qualnames and modules of functions, methods, types.
import itertools, _collections, _functools, _operator
for fn in [itertools.tee, _operator.add, _functools.reduce, _functools.cmp_to_key, _collections._count_elements, _operator._compare_digest]:
    print(repr(fn), fn.__name__, fn.__qualname__, fn.__module__)
for m in [_collections.deque.append, _collections.deque.maxlen, itertools.chain.from_iterable, _collections.defaultdict.default_factory, _functools.partial.func, _collections.deque([]).append]:
    print(repr(m).split(' at 0x')[0])
print(type(_functools.cmp_to_key(len)).__name__, type(iter(_collections.deque())).__module__)
print(itertools.__name__, _collections.__name__, _functools.__name__, _operator.__name__)
print(sorted(k for k in dir(_collections.deque) if not k.startswith('__')))
print(sorted(k for k in dir(_functools.partial) if not k.startswith('__')))
print(sorted(k for k in dir(itertools.count) if not k.startswith('__')))
