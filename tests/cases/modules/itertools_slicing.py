# itertools: islice (its index rules and messages), pairwise, zip_longest.
import itertools as it
from itertools import islice


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


r = range(20)
print(list(islice(r, 5)), list(islice(r, 2, 5)), list(islice(r, 2, 15, 4)), list(islice(r, None)))
print(list(islice(r, 18, None)), list(islice(r, None, None, 7)), list(islice(r, 0)), list(islice(r, 30, 40)))
print(list(islice('abc', True)), list(islice(r, 3, 2)), list(islice(iter(r), 1, 10**18, 10**17)))
s = islice(range(10), 1, 8, 3)
print(next(s), s.__reduce__()[1][1:], s.__reduce__()[2], list(s), s.__reduce__()[1][1:])
print(islice([1, 2, 3], 2).__reduce__()[1][1:], islice([1, 2, 3], 1, 2).__reduce__()[2])
for args in [(), ([1],), ([1], 'a'), ([1], -1), ([1], -2), ([1], 1, 'a'), ([1], 'a', 1), ([1], -1, 2),
             ([1], 0, 1, 0), ([1], 0, 1, -1), ([1], 0, 1, 'x'), ([1], 1, 2, 3, 4), (1, 2), ([1], 2**70),
             ([], 2**70, 1), ([1], 2.0), ([1], None, None, None)]:
    show("islice%r" % (args,), lambda: list(islice(*args)))
show("islice kw", lambda: islice([1], stop=2))
# islice consumes exactly what it needs
i = iter(range(10))
print(list(islice(i, 2, 4)), next(i))
i = iter(range(10))
print(list(islice(i, 0)), next(i))

# pairwise
print(list(it.pairwise('abcd')), list(it.pairwise([1])), list(it.pairwise([])))
pairs = it.pairwise(range(5))
kept = [next(pairs), next(pairs)]
print(kept, list(pairs))
show("pairwise none", lambda: it.pairwise())
show("pairwise int", lambda: it.pairwise(1))
show("pairwise two", lambda: it.pairwise([1], [2]))
show("pairwise kw", lambda: it.pairwise(iterable=[1]))

# zip_longest
print(list(it.zip_longest('abc', [1])), list(it.zip_longest([1, 2], [3], fillvalue=0)), list(it.zip_longest()))
print(list(it.zip_longest('ab', 'cde', 'f', fillvalue='-')), list(it.zip_longest([], [])))
z = it.zip_longest('ab', 'c')
kept = [next(z), next(z)]
print(kept, list(z), list(it.zip_longest(fillvalue=1)))
print(it.zip_longest([1], fillvalue=5).__reduce__()[2])
show("zip_longest int", lambda: it.zip_longest(1))
show("zip_longest kw", lambda: it.zip_longest([1], x=2))
show("zip_longest kw2", lambda: it.zip_longest([1], fillvalue=2, x=3))


def gen():
    yield 1
    raise KeyError("k")


show("zip_longest raise", lambda: list(it.zip_longest(gen(), [1, 2, 3])))
