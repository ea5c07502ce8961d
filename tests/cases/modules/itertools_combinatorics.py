# itertools: product, permutations, combinations, combinations_with_replacement.
import itertools as it


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(list(it.product('ab', range(2))), list(it.product([1, 2], repeat=2)), list(it.product()))
print(list(it.product([1, 2], repeat=0)), list(it.product([], [1])), list(it.product('ab', [])), list(it.product(repeat=2)))
print(len(list(it.product(range(3), repeat=4))), list(it.product(*[[1, 2]] * 3))[-2:])
# results kept by the caller are not overwritten
kept = list(it.product('ab', 'cd'))
print(kept, [t for t in it.product('xy', 'z')])
p = it.product('ab', 'cd')
print(p.__reduce__(), next(p), next(p), p.__reduce__())
show("product int", lambda: it.product(1))
show("product neg", lambda: it.product([1], repeat=-1))
show("product kw", lambda: it.product([1], x=1))
show("product kw2", lambda: it.product([1], repeat=2, x=1))
show("product str", lambda: it.product([1], repeat='a'))

print(list(it.permutations('abc')), list(it.permutations(range(4), 2))[:7])
print(list(it.permutations([])), list(it.permutations([], 1)), list(it.permutations('ab', 0)), list(it.permutations('ab', 3)))
print(len(list(it.permutations(range(6)))), list(it.permutations([1, 2], r=None)))
p = it.permutations('abc', 2)
print(p.__reduce__(), next(p), next(p), p.__reduce__())
show("permutations none", lambda: it.permutations())
show("permutations int", lambda: it.permutations(1))
show("permutations neg", lambda: it.permutations([1], -1))
show("permutations str", lambda: it.permutations([1], 'a'))
show("permutations float", lambda: it.permutations([1], 2.0))
show("permutations three", lambda: it.permutations(1, 2, 3))
show("permutations kw", lambda: it.permutations([1], r=2, x=1))
show("permutations big", lambda: it.permutations([1], 2**70))

print(list(it.combinations('abcd', 2)), list(it.combinations(range(5), 3))[-3:], list(it.combinations('ab', 3)))
print(list(it.combinations('abc', 0)), list(it.combinations([], 0)), len(list(it.combinations(range(10), 4))))
c = it.combinations('abcd', 2)
print(c.__reduce__(), next(c), next(c), c.__reduce__())
show("combinations one", lambda: it.combinations([1]))
show("combinations neg", lambda: it.combinations([1], -1))
show("combinations none", lambda: it.combinations([1], None))
show("combinations three", lambda: it.combinations(1, 2, 3))
show("combinations kw", lambda: it.combinations([1], 2, r=3))

print(list(it.combinations_with_replacement('abc', 2)), list(it.combinations_with_replacement([], 0)))
print(list(it.combinations_with_replacement([], 2)), list(it.combinations_with_replacement('ab', 0)))
print(len(list(it.combinations_with_replacement(range(5), 3))), list(it.combinations_with_replacement([1], 3)))
show("cwr neg", lambda: it.combinations_with_replacement([1], -1))
show("cwr one", lambda: it.combinations_with_replacement([1]))

# state round trip through __reduce__/__setstate__
for make in [lambda: it.product('abc', 'de'), lambda: it.permutations('abcd', 3), lambda: it.combinations('abcde', 3),
             lambda: it.combinations_with_replacement('abc', 3)]:
    a = make()
    for _ in range(4):
        next(a)
    cls, args, *state = a.__reduce__()
    b = cls(*args)
    if state:
        b.__setstate__(state[0])
    print(list(a) == list(b))

print(sorted(x for x in dir(it) if not x.startswith('__')))
for name in ['count', 'chain', 'product', '_tee', '_grouper', '_tee_dataobject', 'zip_longest']:
    t = getattr(it, name)
    print(t, t.__name__, t.__module__, t.__qualname__)

# repeat=0 reads none of the iterables
print(list(it.product(1, repeat=0)), list(it.product('ab', 'c', repeat=0)), list(it.product([], repeat=0)))
for r in range(3):
    print(r, list(it.product('ab', [1], repeat=r)) == list(it.product(*(['ab', [1]] * r))))
